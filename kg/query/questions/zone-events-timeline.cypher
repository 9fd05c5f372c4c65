// description: A zone's events in date order: the events it organised, the events held in it (or in a
//   park inside it) and in the place it lies in, with the event's kind and how many attended.
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// param: since date optional -- events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: until date optional -- events on or before this date
// columns: zone, date:date, event, kind, attendees:int
MATCH (z:Zone)
WHERE $zone = '' OR z.name = $zone OR $zone IN coalesce(z.aliases, [])
CALL (z) {
    MATCH (e:Event)-[:ORGANIZED_BY]->(z) RETURN e
  UNION
    MATCH (e:Event)-[:HELD_IN]->(z) RETURN e
  UNION
    MATCH (e:Event)-[:HELD_IN]->(:Zone)-[:LOCATED_IN*1..]->(z) RETURN e
  UNION
    MATCH (z)-[:LOCATED_IN]->(:Place)<-[:HELD_IN]-(e:Event) RETURN e
}
WITH z, e
WHERE ($since = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($since)) >= left($since, size(e.startDate))))
  AND ($until = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($until)) <= left($until, size(e.startDate))))
OPTIONAL MATCH (a)-[:ATTENDED]->(e)
WITH z, e, a, [label IN labels(e) WHERE label <> 'Event'] AS finer
RETURN z.name AS zone, e.startDate AS date, e.name AS event, coalesce(finer[0], 'Event') AS kind,
       count(DISTINCT a) AS attendees
ORDER BY zone, date, event
