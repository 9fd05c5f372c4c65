// description: A zone's industrial clusters (located in the zone, in a park inside it, or in the
//   place the zone lies in) with the industries they focus on and the list each was selected into
//   (its designation, 入选 … 名单; empty when the articles name none).
// param: zone name optional -- a zone's name or any of its aliases (every zone when empty)
// columns: zone, cluster, industry, designation
MATCH (z:Zone)
WHERE $zone = '' OR z.name = $zone OR $zone IN coalesce(z.aliases, [])
CALL (z) {
    MATCH (c:Cluster)-[:LOCATED_IN]->(z) RETURN c
  UNION
    MATCH (c:Cluster)-[:LOCATED_IN]->(:Zone)-[:LOCATED_IN*1..]->(z) RETURN c
  UNION
    MATCH (z)-[:LOCATED_IN]->(:Place)<-[:LOCATED_IN]-(c:Cluster) RETURN c
}
OPTIONAL MATCH (c)-[:FOCUS_INDUSTRY]->(i)
RETURN DISTINCT z.name AS zone, c.name AS cluster, i.name AS industry, c.designation AS designation
ORDER BY zone, cluster, industry, designation
