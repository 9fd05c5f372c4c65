// description: The articles and sentences behind an entity or a fact. With entity only: the entity's
//   mentions (kind "entity") and the facts it takes part in (kind "fact"); with subject, predicate
//   and/or object: the evidence of matching facts. Names match canonical names or aliases; predicate
//   is a contract name such as attended or roleAt.
// param: entity name optional -- an entity's name or alias
// param: subject name optional -- the fact's subject (name or alias)
// param: predicate string optional -- the fact's predicate (attended, heldIn, roleAt ...)
// param: object name optional -- the fact's object (name or alias)
// columns: kind, subject, predicate, object, article, headline, sentence, start_offset:int, end_offset:int, method, confidence:float
CALL () {
    MATCH (x)
    WHERE NOT x:Article AND $subject = '' AND $predicate = '' AND $object = ''
      AND ($entity = '' OR x.name = $entity OR $entity IN coalesce(x.aliases, []))
    UNWIND range(0, size(coalesce(x.articles, [])) - 1) AS i
    RETURN 'entity' AS kind, x.name AS subject, null AS predicate, null AS object, x.articles[i] AS article,
           x.evidence[i] AS sentence, x.starts[i] AS start_offset, x.ends[i] AS end_offset, x.methods[i] AS method,
           x.confidences[i] AS confidence
  UNION
    MATCH (s)-[r]->(o)
    WHERE NOT s:Article
      AND ($predicate = '' OR r.predicate = $predicate)
      AND ($subject = '' OR s.name = $subject OR $subject IN coalesce(s.aliases, []))
      AND ($object = '' OR o.name = $object OR $object IN coalesce(o.aliases, []))
      AND ($entity = '' OR s.name = $entity OR $entity IN coalesce(s.aliases, [])
           OR o.name = $entity OR $entity IN coalesce(o.aliases, []))
    UNWIND range(0, size(coalesce(r.articles, [])) - 1) AS i
    RETURN 'fact' AS kind, s.name AS subject, r.predicate AS predicate, o.name AS object, r.articles[i] AS article,
           r.evidence[i] AS sentence, r.starts[i] AS start_offset, r.ends[i] AS end_offset, r.methods[i] AS method,
           r.confidences[i] AS confidence
}
OPTIONAL MATCH (a:Article {id: 'article/' + article})
RETURN DISTINCT kind, subject, predicate, object, article, a.headline AS headline, sentence, start_offset,
       end_offset, method, confidence
ORDER BY kind, subject, predicate, object, article, start_offset
