// name: inhibitors
// description: Drugs that inhibit a molecular target and were tested in trials whose population carries the gene's mutation and has the disease (chemotherapy has no target and is left out).
// param: gene (string, default null): HGNC symbol of the population's mutated gene, e.g. NRAS
// param: disease (string, default null): the population's disease (a word of it matches), e.g. melanoma
// param: include_rejected (bool, default false): keep statements a curator rejected
// example: kg query inhibitors --gene NRAS --disease melanoma
MATCH (d:Drug)-[:TARGETS]->(target:Gene)
WITH d, collect(DISTINCT target.name) AS targets
MATCH (a:Arm)-[:TREATED_WITH]->(d)
WHERE $include_rejected OR (a)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'extracted'}) OR (a)<-[:SUPPORTS]-(:Evidence {curatorStatus: 'accepted'})
MATCH (a)-[:IN_TRIAL]->(t:ClinicalTrial)
OPTIONAL MATCH (td:TrialDesign)-[:DESCRIBES_TRIAL]->(t)
OPTIONAL MATCH (td)-[:POPULATION_GENE]->(pg:Gene)
OPTIONAL MATCH (td)-[:POPULATION_VARIANT]->(:Variant)-[:VARIANT_OF]->(vg:Gene)
OPTIONAL MATCH (td)-[:POPULATION_DISEASE]->(pd:Disease)
WITH d, targets, t, collect(DISTINCT td.phase) AS phases,
     collect(DISTINCT pg.name) AS genes, collect(DISTINCT vg.name) AS variant_genes,
     collect(DISTINCT pd.name) AS diseases
WHERE ($gene IS NULL OR any(symbol IN genes WHERE toUpper(symbol) = toUpper($gene))
       OR any(symbol IN variant_genes WHERE toUpper(symbol) = toUpper($gene)))
  AND ($disease IS NULL OR any(n IN diseases WHERE n CONTAINS toLower($disease)))
WITH d, targets, collect(DISTINCT CASE WHEN t.minted THEN t.name ELSE coalesce(t.acronym, t.nct, t.name) END) AS trials,
     collect(phases) AS phase_lists, collect(t) AS trial_nodes
UNWIND trial_nodes AS t
OPTIONAL MATCH (p:Publication)-[:MENTIONS]->(t)
WITH d, targets, trials, phase_lists, collect(DISTINCT p.paperId) AS papers
RETURN d.name AS drug,
       [(d)-[:MEMBER_OF]->(cls:DrugClass) | cls.name] AS classes,
       targets,
       trials,
       reduce(acc = [], ps IN phase_lists | acc + [x IN ps WHERE NOT x IN acc]) AS phases,
       papers
ORDER BY drug
