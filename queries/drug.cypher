// name: drug
// description: One drug's card: synonyms, kind, classes, targets, identifiers, the trials that tested it, its results and combinations, and the papers.
// param: name (string, required): INN, code name or brand
// example: kg query drug binimetinib
MATCH (d:Drug)
WHERE toLower(d.name) = toLower($name) OR any(x IN coalesce(d.synonym, []) WHERE toLower(x) = toLower($name))
OPTIONAL MATCH (a:Arm)-[:TREATED_WITH]->(d)
OPTIONAL MATCH (a)-[:IN_TRIAL]->(t:ClinicalTrial)
WITH d, collect(DISTINCT CASE WHEN t.minted THEN t.name ELSE coalesce(t.acronym, t.nct, t.name) END) AS trials
OPTIONAL MATCH (o:Outcome)-[:FOR_ARM]->(:Arm)-[:TREATED_WITH]->(d)
WITH d, trials, count(DISTINCT o) AS outcomes
OPTIONAL MATCH (c:Combination)-[:COMBINES]->(d)
WITH d, trials, outcomes, collect(DISTINCT c) AS combos
RETURN d.name AS drug,
       d.synonym AS synonyms,
       d.kind AS kind,
       [(d)-[:MEMBER_OF]->(cls:DrugClass) | cls.name] AS classes,
       [(d)-[:TARGETS]->(g:Gene) | g.name] AS targets,
       d.drugbank AS drugbank,
       d.chebi AS chebi,
       d.ncit AS ncit,
       d.isNew AS is_new,
       trials,
       outcomes,
       [c IN combos | {drugs: c.drugs, status: c.status}] AS combinations,
       [(p:Publication)-[:MENTIONS]->(d) | p.paperId] AS papers
