// description: Companies and other organisations settling in a zone (in the zone itself or in a park
//   inside it: site names where), with the amount the fact states when there is one.
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// columns: zone, company, site, amount_yuan:float, amount_text
MATCH (z:Zone)
WHERE $zone = '' OR z.name = $zone OR $zone IN coalesce(z.aliases, [])
CALL (z) {
    MATCH (c)-[r:SETTLED_IN]->(z) RETURN c, r, z AS s
  UNION
    MATCH (c)-[r:SETTLED_IN]->(s:Zone)-[:LOCATED_IN*1..]->(z) RETURN c, r, s
}
RETURN DISTINCT z.name AS zone, c.name AS company, s.name AS site, r.amountYuan AS amount_yuan,
       r.amountText AS amount_text
ORDER BY zone, company, site
