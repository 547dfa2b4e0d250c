"""The lexicon loader, its validator, and the curated data the package ships."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.lexicon import (
    DRUG_KINDS,
    DiseaseEntry,
    DrugClassEntry,
    DrugEntry,
    EndpointEntry,
    GeneEntry,
    GeneFamily,
    InnStem,
    Lexicon,
    LexiconError,
    lexicon_problems,
    read_lexicon,
    shipped_lexicon,
)
from kg.model import ENDPOINTS

# ---- the shipped data -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return shipped_lexicon()


def test_shipped_lexicon_has_no_problems(lex: Lexicon) -> None:
    problems = lexicon_problems(lex)
    assert problems == [], "lexicon problems:\n" + "\n".join(problems)


def test_shipped_lexicon_is_loaded_once() -> None:
    assert shipped_lexicon() is shipped_lexicon()


def test_shipped_lexicon_sizes(lex: Lexicon) -> None:
    assert len(lex.drugs) >= 250
    assert len(lex.genes) >= 150
    assert len(lex.diseases) >= 60
    assert set(lex.endpoints) == set(ENDPOINTS)
    assert lex.drug_classes and lex.gene_families and lex.inn_stems


@pytest.mark.parametrize(
    ("spelling", "inn"),
    [
        ("MEK162", "binimetinib"),
        ("mektovi", "binimetinib"),
        ("LXH254", "naporafenib"),
        ("HL-085", "tunlametinib"),
        ("AS703026", "pimasertib"),
        ("MSC1936369B", "pimasertib"),
        ("AMG 510", "sotorasib"),
        ("GSK1120212", "trametinib"),
        ("AZD6244", "selumetinib"),
        ("ARRY-142886", "selumetinib"),
        ("GDC-0973", "cobimetinib"),
        ("XL518", "cobimetinib"),
        ("VS-6766", "avutometinib"),
        ("RO5126766", "avutometinib"),
        ("CH5126766", "avutometinib"),
        ("LEE011", "ribociclib"),
        ("LTT462", "rineterkib"),
        ("T-VEC", "talimogene laherparepvec"),
        ("interleukin-2", "aldesleukin"),
        ("5-FU", "fluorouracil"),
        ("ERAS-0015", "ERAS-0015"),
        ("ARQ 087", "derazantinib"),
        ("MCLA-128", "zenocutuzumab"),
        ("MLN4924", "pevonedistat"),
        ("rivoceranib", "apatinib"),
        ("177Lu-DOTATOC", "lutetium lu 177 edotreotide"),
    ],
)
def test_code_and_brand_names_map_to_the_inn(lex: Lexicon, spelling: str, inn: str) -> None:
    assert lex.drug_by_synonym()[spelling.casefold()] == inn


@pytest.mark.parametrize(
    ("alias", "symbol"),
    [
        ("MEK1", "MAP2K1"),
        ("MEK2", "MAP2K2"),
        ("ERK1", "MAPK3"),
        ("ERK2", "MAPK1"),
        ("PD-1", "PDCD1"),
        ("PD-L1", "CD274"),
        ("CTLA-4", "CTLA4"),
        ("CRAF", "RAF1"),
        ("c-Raf", "RAF1"),
        ("SHP2", "PTPN11"),
        ("HER2", "ERBB2"),
        ("MLL2", "KMT2D"),
        ("NRAS", "NRAS"),
    ],
)
def test_gene_aliases_map_to_the_hgnc_symbol(lex: Lexicon, alias: str, symbol: str) -> None:
    assert lex.gene_by_alias()[alias] == symbol


@pytest.mark.parametrize(
    ("mention", "symbols"),
    [
        ("MEK", ("MAP2K1", "MAP2K2")),
        ("MEK1/2", ("MAP2K1", "MAP2K2")),
        ("MEK 1 and 2", ("MAP2K1", "MAP2K2")),
        ("ERK", ("MAPK3", "MAPK1")),
        ("ERK1/2", ("MAPK3", "MAPK1")),
        ("pERK", ("MAPK3", "MAPK1")),
        ("CDK4/6", ("CDK4", "CDK6")),
        ("CDKN2A/B", ("CDKN2A", "CDKN2B")),
    ],
)
def test_gene_families_expand_as_the_gold_schema_lists(
    lex: Lexicon, mention: str, symbols: tuple[str, ...]
) -> None:
    assert lex.gene_families[mention].symbols == symbols


@pytest.mark.parametrize("generic", ["RAS", "RAF", "pan-RAF", "pan-RAS", "MAPK pathway"])
def test_generic_names_are_not_genes(lex: Lexicon, generic: str) -> None:
    assert lex.gene_for(generic) is None
    assert generic not in lex.gene_families


MAPK_PATHWAY_DRUGS = [
    "binimetinib",
    "trametinib",
    "cobimetinib",
    "selumetinib",
    "pimasertib",
    "tunlametinib",
    "mirdametinib",
    "avutometinib",
    "refametinib",
    "naporafenib",
    "belvarafenib",
    "tovorafenib",
    "lifirafenib",
    "dabrafenib",
    "vemurafenib",
    "encorafenib",
    "ulixertinib",
    "ravoxertinib",
    "rineterkib",
    "tipifarnib",
    "sotorasib",
    "adagrasib",
    "divarasib",
    "ribociclib",
    "palbociclib",
    "abemaciclib",
    "idasanutlin",
    "milademetan",
    "defactinib",
]


@pytest.mark.parametrize("inn", MAPK_PATHWAY_DRUGS)
def test_mapk_and_ras_research_drugs_are_listed(lex: Lexicon, inn: str) -> None:
    assert inn in lex.drugs
    assert lex.drugs[inn].targets, f"{inn} has no targets"


def test_chemotherapy_has_no_targets(lex: Lexicon) -> None:
    chemo = [d for d in lex.drugs.values() if "chemotherapy" in d.classes]
    assert lex.drugs["dacarbazine"] in chemo
    assert [d.inn for d in chemo if d.targets] == []
    kind_without_class = [d.inn for d in lex.drugs.values() if d.kind == "chemotherapy" and d not in chemo]
    assert kind_without_class == []


def test_mapk_drugs_carry_their_class_and_targets(lex: Lexicon) -> None:
    assert lex.drugs["binimetinib"].targets == ("MAP2K1", "MAP2K2")
    assert "MEK inhibitor" in lex.drugs["binimetinib"].classes
    assert lex.drugs["pembrolizumab"].targets == ("PDCD1",)
    assert lex.drugs["atezolizumab"].targets == ("CD274",)
    assert lex.drugs["ribociclib"].targets == ("CDK4", "CDK6")
    assert lex.drug_classes["MEK inhibitor"].targets == ("MAP2K1", "MAP2K2")
    assert lex.drug_classes["anti-PD-1 antibody"].parent == "immune checkpoint inhibitor"
    assert lex.drug_classes["immune checkpoint inhibitor"].parent == "immunotherapy"


def test_names_follow_the_gold_normalisation(lex: Lexicon) -> None:
    code = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
    bad_inns = [inn for inn in lex.drugs if inn != inn.lower() and not code.match(inn)]
    assert bad_inns == []
    assert [name for name in lex.diseases if name != name.lower()] == []
    assert [s for s in lex.genes if s != s.upper()] == []


def test_clinical_benefit_rate_is_not_a_disease_control_rate(lex: Lexicon) -> None:
    assert "clinical benefit rate" not in lex.endpoint_by_synonym()
    assert lex.endpoint_by_synonym()["progression free survival"] == "PFS"


def test_disease_subtypes_normalise_to_the_main_term(lex: Lexicon) -> None:
    for subtype in ("cutaneous melanoma", "mucosal melanoma", "uveal melanoma", "acral melanoma"):
        assert lex.disease_root(subtype) == "melanoma"
    assert lex.disease_root("lung adenocarcinoma") == "non-small cell lung cancer"
    assert lex.disease_root("melanoma") == "melanoma"
    assert lex.disease_root("no such disease") == "no such disease"
    assert lex.disease_by_synonym()["nsclc"] == "non-small cell lung cancer"


@pytest.mark.parametrize(
    ("word", "drug_class"),
    [
        ("zapmetinib", "MEK inhibitor"),
        ("Zapmetinib", "MEK inhibitor"),
        ("florafenib", "RAF inhibitor"),
        ("lotociclib", "CDK4/6 inhibitor"),
        ("zenlisib", "PI3K inhibitor"),
        ("zovorasib", "KRAS inhibitor"),
        ("imatinib", "tyrosine kinase inhibitor"),
        ("newzumab", "monoclonal antibody"),
        ("noveltaxel", "taxane"),
    ],
)
def test_inn_stems_name_unknown_drugs(lex: Lexicon, word: str, drug_class: str) -> None:
    stem = lex.stem_for(word)
    assert stem is not None
    assert stem.drug_class == drug_class


@pytest.mark.parametrize("word", ["tinib", "mab", "ghrelin", "MEK162", "concept", "melanoma", ""])
def test_inn_stems_ignore_words_that_are_not_drug_names(lex: Lexicon, word: str) -> None:
    assert lex.stem_for(word) is None


def test_every_shipped_stem_class_and_kind_is_known(lex: Lexicon) -> None:
    assert all(stem.kind in DRUG_KINDS for stem in lex.inn_stems)
    lengths = [len(stem.stem) for stem in lex.inn_stems]
    assert lengths == sorted(lengths, reverse=True)


# ---- look-ups on a lexicon built in code ------------------------------------------------------


def tiny_lexicon(**changes: object) -> Lexicon:
    """A small sound lexicon; keyword arguments replace whole tables."""
    tables: dict[str, object] = {
        "drugs": {
            "binimetinib": DrugEntry(
                "binimetinib", "targeted", ("MEK inhibitor",), ("MAP2K1",), ("MEK162",), drugbank="DB11967"
            ),
            "dacarbazine": DrugEntry("dacarbazine", "chemotherapy", ("chemotherapy",)),
        },
        "drug_classes": {
            "MEK inhibitor": DrugClassEntry("MEK inhibitor", ("MEKi",), ("MAP2K1",), "kinase inhibitor"),
            "kinase inhibitor": DrugClassEntry("kinase inhibitor"),
            "chemotherapy": DrugClassEntry("chemotherapy"),
        },
        "genes": {
            "MAP2K1": GeneEntry(
                "MAP2K1", "HGNC:6840", "mitogen-activated protein kinase kinase 1", ("MEK1",)
            ),
            "MET": GeneEntry("MET", "HGNC:7029"),
        },
        "gene_families": {"MEK": GeneFamily("MEK", ("MAP2K1",))},
        "diseases": {
            "melanoma": DiseaseEntry("melanoma", "NCIT:C3224"),
            "uveal melanoma": DiseaseEntry("uveal melanoma", None, ("ocular melanoma",), "melanoma"),
        },
        "endpoints": {"PFS": EndpointEntry("PFS", "progression-free survival")},
        "inn_stems": (
            InnStem("tinib", "kinase inhibitor"),
            InnStem("metinib", "MEK inhibitor", ("MAP2K1",)),
        ),
    }
    tables.update(changes)
    return Lexicon(**tables)  # type: ignore[arg-type]


def test_tiny_lexicon_is_sound() -> None:
    assert lexicon_problems(tiny_lexicon()) == []


def test_lookups_of_a_lexicon_built_in_code() -> None:
    lex = tiny_lexicon()
    assert lex.drug_by_synonym() == {
        "binimetinib": "binimetinib",
        "mek162": "binimetinib",
        "dacarbazine": "dacarbazine",
    }
    assert lex.class_by_synonym()["meki"] == "MEK inhibitor"
    assert lex.gene_by_alias() == {"MAP2K1": "MAP2K1", "MEK1": "MAP2K1", "MET": "MET"}
    assert lex.gene_for("MEK1") == "MAP2K1"
    assert lex.gene_for("mek1") == "MAP2K1"
    assert lex.gene_for("MEK3") is None
    assert lex.disease_root("uveal melanoma") == "melanoma"
    assert [s.stem for s in lex.inn_stems] == ["metinib", "tinib"]
    assert lex.stem_for("zapmetinib") == InnStem("metinib", "MEK inhibitor", ("MAP2K1",))


def test_case_insensitive_gene_lookup_refuses_ambiguity() -> None:
    genes = {
        "MET": GeneEntry("MET", aliases=("HGFR",)),
        "MTAP": GeneEntry("MTAP", aliases=("Met",)),
    }
    lex = tiny_lexicon(genes=genes, drugs={}, drug_classes={}, gene_families={}, inn_stems=())
    assert lexicon_problems(lex) == []
    assert lex.gene_for("MET") == "MET"
    assert lex.gene_for("Met") == "MTAP"
    assert lex.gene_for("met") is None


def test_lexicon_tables_are_read_only() -> None:
    lex = tiny_lexicon()
    with pytest.raises(TypeError):
        lex.drugs["x"] = lex.drugs["binimetinib"]  # type: ignore[index]
    table = lex.drug_by_synonym()
    table["mek162"] = "something else"
    assert lex.drug_by_synonym()["mek162"] == "binimetinib"


def test_lexicons_are_cache_keys_by_identity() -> None:
    first, second = tiny_lexicon(), tiny_lexicon()
    cache = {first: "matcher built from the first lexicon"}
    assert first in cache
    assert second not in cache


def test_merged_adds_and_overrides() -> None:
    base = tiny_lexicon()
    user = Lexicon(
        drugs={
            "binimetinib": DrugEntry(
                "binimetinib", "targeted", ("MEK inhibitor",), ("MAP2K1",), ("Mektovi",)
            ),
            "zapmetinib": DrugEntry("zapmetinib", "targeted", ("MEK inhibitor",)),
        },
        inn_stems=(InnStem("tinib", "MEK inhibitor"),),
    )
    merged = base.merged(user)
    assert set(merged.drugs) == {"binimetinib", "dacarbazine", "zapmetinib"}
    assert merged.drugs["binimetinib"].synonyms == ("Mektovi",)
    assert merged.genes == base.genes
    assert {s.stem: s.drug_class for s in merged.inn_stems} == {
        "metinib": "MEK inhibitor",
        "tinib": "MEK inhibitor",
    }
    assert lexicon_problems(merged) == []


# ---- the validator catches each kind of problem ------------------------------------------------


def only_problem(lex: Lexicon) -> str:
    problems = lexicon_problems(lex)
    assert len(problems) == 1, problems
    return problems[0]


def test_reports_a_synonym_shared_by_two_drugs() -> None:
    lex = tiny_lexicon()
    drugs = dict(lex.drugs)
    drugs["dacarbazine"] = DrugEntry("dacarbazine", "chemotherapy", ("chemotherapy",), (), ("Mek162",))
    problem = only_problem(tiny_lexicon(drugs=drugs))
    assert "MEK" in problem and "'binimetinib'" in problem and "'dacarbazine'" in problem


def test_reports_a_drug_synonym_that_is_a_class_name() -> None:
    drugs = dict(tiny_lexicon().drugs)
    drugs["trametinib"] = DrugEntry("trametinib", "targeted", ("MEK inhibitor",), (), ("MEKi",))
    assert "drug class 'MEK inhibitor'" in only_problem(tiny_lexicon(drugs=drugs))


def test_reports_a_class_synonym_shared_by_two_classes() -> None:
    classes = dict(tiny_lexicon().drug_classes)
    classes["chemotherapy"] = DrugClassEntry("chemotherapy", ("meki",))
    assert "drug classes" in only_problem(tiny_lexicon(drug_classes=classes))


def test_reports_an_alias_shared_by_two_genes() -> None:
    genes = dict(tiny_lexicon().genes)
    genes["MET"] = GeneEntry("MET", "HGNC:7029", None, ("MEK1",))
    assert "'MEK1'" in only_problem(tiny_lexicon(genes=genes))


def test_reports_a_synonym_shared_by_two_diseases() -> None:
    diseases = dict(tiny_lexicon().diseases)
    diseases["choroidal melanoma"] = DiseaseEntry(
        "choroidal melanoma", None, ("Ocular Melanoma",), "melanoma"
    )
    assert "diseases" in only_problem(tiny_lexicon(diseases=diseases))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"drugs": {"x": DrugEntry("x", "targeted", (), ("BRAF",))}}, "unknown target gene 'BRAF'"),
        ({"drugs": {"x": DrugEntry("x", "targeted", ("RAF inhibitor",))}}, "unknown class 'RAF inhibitor'"),
        ({"drugs": {"x": DrugEntry("x", "small molecule")}}, "kind 'small molecule'"),
        ({"drugs": {"x": DrugEntry("x", "targeted", drugbank="DB1234")}}, "malformed DrugBank id 'DB1234'"),
        ({"drugs": {"x": DrugEntry("x", "targeted", chebi="CHEBI:abc")}}, "malformed ChEBI id"),
        ({"drugs": {"x": DrugEntry("x", "targeted", ncit="NCIT:C123")}}, "malformed NCIt id"),
        ({"genes": {"MAP2K1": GeneEntry("MAP2K1", "6840")}}, "malformed HGNC id '6840'"),
        ({"diseases": {"melanoma": DiseaseEntry("melanoma", "C3224")}}, "malformed curie 'C3224'"),
        ({"diseases": {"melanoma": DiseaseEntry("melanoma", "MONDO:5105")}}, "malformed curie"),
        (
            {"diseases": {"uveal melanoma": DiseaseEntry("uveal melanoma", parent="eye cancer")}},
            "unknown parent 'eye cancer'",
        ),
        ({"endpoints": {"CBR": EndpointEntry("CBR", "clinical benefit rate")}}, "endpoint 'CBR'"),
        ({"inn_stems": (InnStem("rafenib", "RAF inhibitor"),)}, "unknown class 'RAF inhibitor'"),
        ({"inn_stems": (InnStem("rafenib", "kinase inhibitor", ("BRAF",)),)}, "unknown target gene 'BRAF'"),
        ({"gene_families": {"ERK": GeneFamily("ERK", ("MAPK3",))}}, "unknown gene 'MAPK3'"),
        ({"gene_families": {"MEK1": GeneFamily("MEK1", ("MAP2K1",))}}, "also a gene symbol or alias"),
    ],
)
def test_reports_unknown_references_and_malformed_values(changes: dict[str, object], expected: str) -> None:
    problems = lexicon_problems(tiny_lexicon(**changes))
    assert any(expected in p for p in problems), problems


def test_reports_parent_cycles() -> None:
    classes = {
        "a": DrugClassEntry("a", parent="b"),
        "b": DrugClassEntry("b", parent="a"),
    }
    problems = lexicon_problems(tiny_lexicon(drug_classes=classes, drugs={}, inn_stems=()))
    assert any("cycle" in p for p in problems), problems
    diseases = {"x": DiseaseEntry("x", parent="x")}
    lex = tiny_lexicon(diseases=diseases)
    assert any("cycle" in p for p in lexicon_problems(lex))
    assert lex.disease_root("x") == "x"


# ---- reading TSV folders -----------------------------------------------------------------------


def write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_a_user_folder_holding_only_drugs(tmp_path: Path) -> None:
    write(
        tmp_path,
        "drugs.tsv",
        "# a curator's additions",
        "inn\tkind\tclasses\ttargets\tsynonyms",
        "",
        "zapmetinib\ttargeted\tMEK inhibitor\tMAP2K1 | MAP2K2\tZAP-1|Zapmek",
        "ZX-0001\tother",
    )
    lex = read_lexicon(tmp_path)
    assert lex.drugs["zapmetinib"] == DrugEntry(
        "zapmetinib", "targeted", ("MEK inhibitor",), ("MAP2K1", "MAP2K2"), ("ZAP-1", "Zapmek")
    )
    assert lex.drugs["ZX-0001"].synonyms == ()
    assert lex.drugs["ZX-0001"].drugbank is None
    assert lex.genes == {} and lex.inn_stems == ()
    merged = shipped_lexicon().merged(lex)
    assert merged.drug_by_synonym()["zapmek"] == "zapmetinib"
    assert lexicon_problems(merged) == []


def test_reads_every_table(tmp_path: Path) -> None:
    write(tmp_path, "drug_classes.tsv", "name\tsynonyms\ttargets\tparent", "MEK inhibitor\tMEKi\tMAP2K1\t")
    write(tmp_path, "genes.tsv", "symbol\thgnc_id\tname\taliases", "MAP2K1\tHGNC:6840\tMEK one\tMEK1")
    write(tmp_path, "gene_families.tsv", "mention\tsymbols", "MEK\tMAP2K1")
    write(tmp_path, "diseases.tsv", "name\tcurie\tsynonyms\tparent", "melanoma\tNCIT:C3224\t\t")
    write(tmp_path, "endpoints.tsv", "code\tname\tsynonyms", "OS\toverall survival\tmOS")
    write(tmp_path, "inn_stems.tsv", "stem\tclass\ttargets\tkind", "Metinib\tMEK inhibitor\tMAP2K1\t")
    lex = read_lexicon(tmp_path)
    assert lex.drug_classes["MEK inhibitor"] == DrugClassEntry("MEK inhibitor", ("MEKi",), ("MAP2K1",), None)
    assert lex.genes["MAP2K1"] == GeneEntry("MAP2K1", "HGNC:6840", "MEK one", ("MEK1",))
    assert lex.gene_families["MEK"] == GeneFamily("MEK", ("MAP2K1",))
    assert lex.diseases["melanoma"] == DiseaseEntry("melanoma", "NCIT:C3224", (), None)
    assert lex.endpoints["OS"] == EndpointEntry("OS", "overall survival", ("mOS",))
    assert lex.inn_stems == (InnStem("metinib", "MEK inhibitor", ("MAP2K1",), "targeted"),)
    assert lexicon_problems(lex) == []


@pytest.mark.parametrize(
    ("file", "lines", "line_no", "message"),
    [
        ("drugs.tsv", ["inn\tkind", "binimetinib\ttargeted\textra"], 2, "3 cells but the header has 2"),
        ("drugs.tsv", ["# comment", "inn\tkind", "\ttargeted"], 3, "empty 'inn'"),
        ("drugs.tsv", ["inn\tkind", "x\ttargeted", "x\tother"], 3, "'x' is listed twice"),
        ("drugs.tsv", ["inn\tbrand"], 1, "header must name the columns"),
        ("drugs.tsv", ["kind\tclasses"], 1, "key column 'inn' required"),
        ("genes.tsv", ["symbol\tsymbol"], 1, "each once"),
        ("gene_families.tsv", ["mention\tsymbols", "MEK\t"], 2, "at least one symbol"),
        ("endpoints.tsv", ["code\tname", "PFS\t"], 2, "needs a name"),
        ("inn_stems.tsv", ["stem\tclass", "metinib\t"], 2, "needs a class"),
        ("diseases.tsv", ["# only a comment"], 1, "no header"),
    ],
)
def test_malformed_files_name_the_file_and_line(
    tmp_path: Path, file: str, lines: list[str], line_no: int, message: str
) -> None:
    write(tmp_path, file, *lines)
    with pytest.raises(LexiconError, match=rf"^{re.escape(file)}, line {line_no}: .*{re.escape(message)}"):
        read_lexicon(tmp_path)


def test_reads_files_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "endpoints.tsv").write_text(
        "code\tname\nORR\tobjective response rate\n", encoding="utf-8-sig"
    )
    assert read_lexicon(tmp_path).endpoints["ORR"].name == "objective response rate"


def test_a_malformed_value_in_a_file_is_reported_by_the_validator(tmp_path: Path) -> None:
    write(tmp_path, "drugs.tsv", "inn\tkind\tdrugbank", "binimetinib\ttargeted\tDB-11967")
    problems = lexicon_problems(read_lexicon(tmp_path))
    assert problems == ["drug 'binimetinib': malformed DrugBank id 'DB-11967'"]
