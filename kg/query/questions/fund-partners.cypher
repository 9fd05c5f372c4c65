// description: Funds a zone set up (established by the zone or by a body located in it, such as its
//   administration), their size and the firms that partner in them.
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// param: fund name optional -- a fund's name or any of its aliases (every fund when empty)
// columns: zone, fund, amount_yuan:float, partner
MATCH (f:Fund)-[:ESTABLISHED_BY]->(founder)
CALL (founder) {
    MATCH (z:Zone) WHERE z = founder RETURN z
  UNION
    MATCH (founder)-[:LOCATED_IN]->(z:Zone) WHERE founder:Organization RETURN z
}
WITH f, z
WHERE ($zone = '' OR z.name = $zone OR $zone IN coalesce(z.aliases, []))
  AND ($fund = '' OR f.name = $fund OR $fund IN coalesce(f.aliases, []))
OPTIONAL MATCH (firm)-[:PARTNER_OF]->(f)
RETURN DISTINCT z.name AS zone, f.name AS fund, f.amountYuan AS amount_yuan, firm.name AS partner
ORDER BY zone, fund, partner
