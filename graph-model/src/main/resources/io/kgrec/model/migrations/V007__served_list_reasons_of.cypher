// A served list that repeats an earlier serving of the same page refers to it for the reasons (reasonsOf); retention
// looks up, for each expiring list, whether a newer one still refers to it.
CREATE INDEX served_list_reasons_of IF NOT EXISTS FOR (l:ServedList) ON (l.reasonsOf);
