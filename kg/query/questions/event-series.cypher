// description: The editions of an event series with their edition numbers, dates and attendees
//   (one row per attendee; an edition nobody is recorded at has an empty attendee).
// param: series name optional -- a series' name or any of its aliases (every series when empty)
// columns: series, edition:int, date:date, event, attendee
MATCH (e:Event)-[:PART_OF_SERIES]->(s:EventSeries)
WHERE $series = '' OR s.name = $series OR $series IN coalesce(s.aliases, [])
OPTIONAL MATCH (a)-[:ATTENDED]->(e)
RETURN DISTINCT s.name AS series, e.edition AS edition, e.startDate AS date, e.name AS event, a.name AS attendee
ORDER BY series, edition, date, event, attendee
