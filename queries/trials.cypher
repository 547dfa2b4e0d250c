// name: trials
// description: Clinical trials with phase, randomisation, enrolment, arms (drugs and patients) and population, and the papers that report them.
// param: drug (string, default null): a drug an arm gave (INN, code name or brand)
// param: gene (string, default null): HGNC symbol of the population's mutated gene
// param: disease (string, default null): the population's disease (a word of it matches)
// param: include_rejected (bool, default false): keep statements a curator rejected
// example: kg query trials --gene NRAS --disease melanoma
OPTIONAL MATCH (q:Drug)
WHERE $drug IS NOT NULL AND (toLower(q.name) = toLower($drug) OR any(x IN coalesce(q.synonym, []) WHERE toLower(x) = toLower($drug)))
WITH CASE WHEN $drug IS NULL THEN null ELSE coalesce(q.name, $drug) END AS drug
MATCH (t:ClinicalTrial)
OPTIONAL MATCH (d:TrialDesign)-[:DESCRIBES_TRIAL]->(t)
WHERE $include_rejected OR (d)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'extracted'}) OR (d)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'accepted'})
OPTIONAL MATCH (d)-[:POPULATION_GENE]->(g:Gene)
OPTIONAL MATCH (d)-[:POPULATION_DISEASE]->(x:Disease)
WITH drug, t, collect(DISTINCT d) AS designs, collect(DISTINCT g.name) AS genes, collect(DISTINCT x.name) AS diseases
OPTIONAL MATCH (a:Arm)-[:IN_TRIAL]->(t)
WHERE $include_rejected OR (a)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'extracted'}) OR (a)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'accepted'})
WITH drug, t, designs, genes, diseases, collect(DISTINCT a) AS arms
WHERE (size(arms) > 0 OR size(designs) > 0)
  AND (drug IS NULL OR any(a IN arms WHERE any(n IN a.drugs WHERE toLower(n) = toLower(drug))))
  AND ($gene IS NULL OR any(symbol IN genes WHERE toUpper(symbol) = toUpper($gene)))
  AND ($disease IS NULL OR any(n IN diseases WHERE n CONTAINS toLower($disease)))
RETURN CASE WHEN t.minted THEN null ELSE coalesce(t.acronym, t.nct, t.name) END AS trial,
       t.name AS trial_key,
       t.nct AS nct,
       head([d IN designs WHERE d.phase IS NOT NULL | d.phase]) AS phase,
       head([d IN designs WHERE d.randomized IS NOT NULL | d.randomized]) AS randomized,
       head([d IN designs WHERE d.nEnrolled IS NOT NULL | d.nEnrolled]) AS n_enrolled,
       head([d IN designs WHERE d.allocationRatio IS NOT NULL | d.allocationRatio]) AS allocation_ratio,
       [a IN arms | {drugs: a.drugs, n: a.n, dose: a.dose, cohort: a.cohort}] AS arms,
       head(genes) AS population_gene,
       head(diseases) AS population_disease,
       [(p:Publication)-[:MENTIONS]->(t) | p.paperId] AS papers
ORDER BY trial_key
