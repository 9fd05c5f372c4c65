// description: Academicians (CAS, CAE and foreign academicians) at a zone's events: the events the
//   zone organised, the events held in it (or in a park inside it) and in the place it lies in.
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// param: since date optional -- events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: until date optional -- events on or before this date
// columns: academician, honour, event, date:date, zone
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
WHERE ($since = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($since)) >= left($since, size(e.startDate))))
  AND ($until = '' OR (e.startDate IS NOT NULL AND left(e.startDate, size($until)) <= left($until, size(e.startDate))))
UNWIND [h IN coalesce(p.honors, []) WHERE h IN ['CASAcademician', 'CAEAcademician', 'ForeignAcademician']] AS honour
RETURN DISTINCT p.name AS academician, honour, e.name AS event, e.startDate AS date, z.name AS zone
ORDER BY academician, honour, event, zone
