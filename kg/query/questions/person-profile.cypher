// description: Everything the graph says about a person, one fact per row: honours, academy
//   memberships, roles (with titles), events attended (with dates) and zones visited (through the
//   events of those zones they attended; detail names the event).
// param: person name required -- the person's name or any of their aliases
// columns: person, aspect, value, detail, date:date
MATCH (p:Person)
WHERE p.name = $person OR $person IN coalesce(p.aliases, [])
CALL (p) {
    UNWIND coalesce(p.honors, []) AS honour
    RETURN 'honour' AS aspect, honour AS value, null AS detail, null AS date
  UNION
    MATCH (p)-[:MEMBER_OF]->(o)
    RETURN 'member of' AS aspect, o.name AS value, null AS detail, null AS date
  UNION
    MATCH (p)-[r:ROLE_AT]->(o)
    RETURN 'role' AS aspect, o.name AS value, r.title AS detail, null AS date
  UNION
    MATCH (p)-[:ATTENDED]->(e:Event)
    RETURN 'attended' AS aspect, e.name AS value, null AS detail, e.startDate AS date
  UNION
    MATCH (p)-[:ATTENDED]->(e:Event)
    CALL (e) {
        MATCH (e)-[:ORGANIZED_BY]->(z:Zone) RETURN z
      UNION
        MATCH (e)-[:HELD_IN]->(z:Zone) RETURN z
      UNION
        MATCH (e)-[:HELD_IN]->(:Zone)-[:LOCATED_IN*1..]->(z:Zone) RETURN z
      UNION
        MATCH (e)-[:HELD_IN]->(:Place)<-[:LOCATED_IN]-(z:Zone) RETURN z
    }
    RETURN 'visited zone' AS aspect, z.name AS value, e.name AS detail, e.startDate AS date
}
RETURN DISTINCT p.name AS person, aspect, value, detail, date
ORDER BY person, aspect, value, detail
