// description: Nobel laureates at a zone's forums. A zone's forums are the events it organised,
//   the events held in it (or in a park inside it) and the events held in the place it lies in.
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// param: since date optional -- events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: until date optional -- events on or before this date
// columns: laureate, honour, event, date:date, zone
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
MATCH (p:Person)-[:ATTENDED]->(e)
WHERE 'NobelLaureate' IN coalesce(p.honors, [])
  AND ($since = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($since)) >= left($since, size(e.startDate))))
  AND ($until = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($until)) <= left($until, size(e.startDate))))
RETURN DISTINCT p.name AS laureate, 'NobelLaureate' AS honour, e.name AS event, e.startDate AS date, z.name AS zone
ORDER BY laureate, event, zone
