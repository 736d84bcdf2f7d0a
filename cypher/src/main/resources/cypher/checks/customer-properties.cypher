// The property keys some customer has, but id and kgrec's own bookkeeping: the names a segmentBy parameter may take.
MATCH (c:Customer)
UNWIND keys(c) AS name
WITH DISTINCT name WHERE name <> 'id' AND NOT name STARTS WITH 'kgrec'
RETURN name ORDER BY name
