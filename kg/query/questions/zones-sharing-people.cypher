// description: Pairs of zones linked by the same people: a person attended events of both zones (the
//   events each zone organised, hosted, or that were held in the place it lies in).
// param: zone name optional -- only pairs with this zone (name or alias) on either side
// columns: zone_a, zone_b, person
MATCH (p:Person)-[:ATTENDED]->(e:Event)
CALL (e) {
    MATCH (e)-[:ORGANIZED_BY]->(z:Zone) RETURN z
  UNION
    MATCH (e)-[:HELD_IN]->(z:Zone) RETURN z
  UNION
    MATCH (e)-[:HELD_IN]->(:Zone)-[:LOCATED_IN*1..]->(z:Zone) RETURN z
  UNION
    MATCH (e)-[:HELD_IN]->(:Place)<-[:LOCATED_IN]-(z:Zone) RETURN z
}
WITH p, collect(DISTINCT z) AS zones
UNWIND zones AS za
UNWIND zones AS zb
WITH p, za, zb
WHERE (za.name < zb.name OR (za.name = zb.name AND za.id < zb.id))
  AND ($zone = '' OR za.name = $zone OR $zone IN coalesce(za.aliases, [])
       OR zb.name = $zone OR $zone IN coalesce(zb.aliases, []))
RETURN DISTINCT za.name AS zone_a, zb.name AS zone_b, p.name AS person
ORDER BY zone_a, zone_b, person
