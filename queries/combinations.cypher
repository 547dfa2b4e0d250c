// name: combinations
// description: Drugs (or drug classes) given together: tested in a trial, or proposed; with the paper and sentence.
// param: drug (string, default null): a drug or class of the combination (INN, code name or brand)
// param: status (string, default null): tested or proposed
// param: include_rejected (bool, default false): keep statements a curator rejected
// example: kg query combinations --drug binimetinib
OPTIONAL MATCH (q:Drug)
WHERE $drug IS NOT NULL AND (toLower(q.name) = toLower($drug) OR any(x IN coalesce(q.synonym, []) WHERE toLower(x) = toLower($drug)))
WITH CASE WHEN $drug IS NULL THEN null ELSE coalesce(q.name, $drug) END AS drug
MATCH (e:Evidence)-[:SUPPORTS]->(c:Combination)
WHERE ($include_rejected OR e.curatorStatus <> 'rejected')
  AND (drug IS NULL OR any(n IN c.drugs WHERE toLower(n) = toLower(drug)))
  AND ($status IS NULL OR c.status = toLower($status))
MATCH (e)-[:IN_PUBLICATION]->(p:Publication)
OPTIONAL MATCH (c)-[:IN_TRIAL]->(t:ClinicalTrial)
WITH c, t, e, p ORDER BY p.paperId, e.start
WITH c, t, collect(e) AS evidence, collect(DISTINCT p.paperId) AS papers
RETURN c.drugs AS drugs,
       c.status AS status,
       CASE WHEN t.minted THEN null ELSE coalesce(t.acronym, t.nct, t.name) END AS trial,
       head(papers) AS paper,
       head(evidence).text AS sentence,
       head(evidence).hedged AS hedged,
       papers,
       c.uri AS statement
ORDER BY status DESC, paper
