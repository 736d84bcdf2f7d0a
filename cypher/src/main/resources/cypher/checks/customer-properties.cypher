// The property keys some customer has, but id: the names a segmentBy parameter may take.
MATCH (c:Customer)
UNWIND keys(c) AS name
WITH DISTINCT name WHERE name <> 'id'
RETURN name ORDER BY name
