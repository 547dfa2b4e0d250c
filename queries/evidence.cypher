// name: evidence
// description: Every statement about an entity (drug, gene, variant such as "NRAS Q61R", disease or trial), read as subject / predicate / object, with the paper and sentence.
// param: entity (string, required): the entity's name, synonym, acronym or NCT id
// param: include_rejected (bool, default false): keep statements a curator rejected
// example: kg query evidence binimetinib
MATCH (n:Entity)
WHERE toLower(n.name) = toLower($entity)
   OR any(x IN coalesce(n.synonym, []) WHERE toLower(x) = toLower($entity))
   OR toLower(n.acronym) = toLower($entity) OR toLower(n.nct) = toLower($entity)
MATCH (s:Statement)-[*1..2]->(n)
WITH DISTINCT s
MATCH (e:Evidence)-[:SUPPORTS]->(s)
WHERE $include_rejected OR e.curatorStatus <> 'rejected'
MATCH (e)-[:IN_PUBLICATION]->(p:Publication)
RETURN s.uri AS statement,
       [l IN labels(s) WHERE NOT l IN ['Resource', 'Statement']][0] AS kind,
       s.subjectLabel AS subject,
       s.predicateLabel AS predicate,
       s.objectLabel AS object,
       p.paperId AS paper,
       e.text AS sentence,
       e.negated AS negated,
       e.hedged AS hedged,
       e.rule AS rule,
       e.curatorStatus AS status
ORDER BY paper, e.start, kind
