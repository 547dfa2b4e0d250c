// name: review
// description: Stored statements with their evidence, for curators: kind, a one-line summary, curator status, the rule that read it and the sentence.
// param: paper (string, default null): only this paper's evidence
// param: status (string, default null): extracted, accepted or rejected
// example: kg review --paper 90000001 --format json
MATCH (e:Evidence)-[:SUPPORTS]->(s:Statement)
WHERE ($paper IS NULL OR e.paperId = $paper) AND ($status IS NULL OR e.curatorStatus = $status)
RETURN s.uri AS statement,
       e.paperId AS paper,
       [l IN labels(s) WHERE NOT l IN ['Resource', 'Statement']][0] AS kind,
       s.summary AS summary,
       e.curatorStatus AS status,
       e.rule AS rule,
       e.text AS sentence,
       e.negated AS negated,
       e.hedged AS hedged,
       e.curator AS curator,
       e.decisionReason AS reason
ORDER BY paper, e.start, kind, summary
