// The Alpino treebank: XML files (one sentence each) inside .tar.xz archives.
#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "train/corpus.h"

namespace bron {
namespace {

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<char*>(v));
  xmlFree(v);
  return s;
}

struct Leaf {
  int begin;
  std::string word, lemma, postag, rel;
  std::set<std::string> sibling_rels;
};

void CollectLeaves(xmlNode* node, std::vector<Leaf>* out) {
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>("node")) != 0) continue;
    std::string word = Attr(c, "word");
    if (!word.empty()) {
      Leaf leaf;
      leaf.begin = std::atoi(Attr(c, "begin").c_str());
      leaf.word = word;
      leaf.lemma = Attr(c, "lemma");
      leaf.postag = Attr(c, "postag");
      leaf.rel = Attr(c, "rel");
      for (xmlNode* s = node->children; s; s = s->next) {
        if (s != c && s->type == XML_ELEMENT_NODE) leaf.sibling_rels.insert(Attr(s, "rel"));
      }
      out->push_back(std::move(leaf));
    }
    CollectLeaves(c, out);
  }
}

// UD_Dutch-Alpino's UPOS from a CGN tag, with the tree for the ambiguous classes. Checked against the
// gold UPOS of the UD Dutch dev files (docs/models.md).
std::string Upos(const Leaf& leaf, const std::string& xpos) {
  std::string head = xpos.substr(0, xpos.find('|'));
  auto has = [&](const char* feature) { return ("|" + xpos + "|").find(std::string("|") + feature + "|") != std::string::npos; };
  if (head == "N") return has("eigen") ? "PROPN" : "NOUN";
  if (head == "ADJ") {
    static const std::set<std::string> kDet = {"hetzelfde", "dezelfde", "datzelfde", "diezelfde", "voldoende",
                                               "onvoldoende", "allerlei", "zelfde"};
    return has("prenom") && kDet.count(leaf.lemma) ? "DET" : "ADJ";
  }
  if (head == "WW") {
    static const std::set<std::string> kAux = {"hebben", "zijn", "worden", "zullen", "kunnen", "moeten", "mogen"};
    if (kAux.count(leaf.lemma) && leaf.rel == "hd") {
      if (leaf.sibling_rels.count("vc")) return "AUX";
      if (leaf.lemma == "zijn" && leaf.sibling_rels.count("predc")) return "AUX";
    }
    return "VERB";
  }
  if (head == "TW") return has("rang") ? "ADJ" : "NUM";
  if (head == "VNW") {
    if (has("adv-pron")) return "ADV";
    if (has("bez")) return "PRON";
    if (has("grad")) return leaf.rel == "det" ? "DET" : leaf.rel == "mod" ? "ADV" : "PRON";
    if (has("det") || has("prenom")) return leaf.rel == "det" ? "DET" : "PRON";
    return "PRON";
  }
  if (head == "LID") return "DET";
  if (head == "VZ") return "ADP";
  if (head == "VG") return has("onder") ? "SCONJ" : "CCONJ";
  if (head == "BW") return "ADV";
  if (head == "TSW") return "INTJ";
  // Punctuation inside a multi-word unit (titles: "Een tegen Allen - Opkomst van …") is SYM in UD Dutch.
  if (head == "LET") return leaf.rel == "mwp" ? "SYM" : "PUNCT";
  if (head == "SPEC") {
    if (has("deeleigen")) return "PROPN";
    if (has("symb")) return "SYM";
    if (has("enof")) return "CCONJ";
    return "X";
  }
  return "X";
}

Status ReadArchive(const std::string& path, std::vector<AnnotatedSentence>* out) {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) != ARCHIVE_OK) {
    std::string error = archive_error_string(a) ? archive_error_string(a) : "cannot open";
    archive_read_free(a);
    return Status::IoError(path + ": " + error);
  }
  archive_entry* entry;
  std::string bytes;
  Status status;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry);
    if (name.size() < 4 || name.substr(name.size() - 4) != ".xml") continue;
    bytes.resize(static_cast<size_t>(archive_entry_size(entry)));
    la_ssize_t n = archive_read_data(a, bytes.data(), bytes.size());
    if (n < 0 || static_cast<size_t>(n) != bytes.size()) {
      status = Status::IoError(path + ": " + name + ": truncated entry");
      break;
    }
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) continue;  // a broken file is skipped: the treebank is training data, not user input
    std::vector<Leaf> leaves;
    CollectLeaves(xmlDocGetRootElement(doc), &leaves);
    xmlFreeDoc(doc);
    std::sort(leaves.begin(), leaves.end(), [](const Leaf& x, const Leaf& y) { return x.begin < y.begin; });
    AnnotatedSentence s;
    for (const Leaf& leaf : leaves) {
      std::string xpos = CgnToUdXpos(leaf.postag);
      s.words.push_back(leaf.word);
      s.lemmas.push_back(leaf.lemma);
      s.xpos.push_back(xpos);
      s.upos.push_back(Upos(leaf, xpos));
      s.ner.push_back("O");
    }
    if (!s.words.empty()) out->push_back(std::move(s));
  }
  archive_read_free(a);
  return status;
}

}  // namespace

Status ReadAlpinoCorpus(const std::string& dir, std::vector<AnnotatedSentence>* out) {
  std::vector<std::string> archives;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string p = entry.path().string();
    if (p.size() > 7 && p.substr(p.size() - 7) == ".tar.xz") archives.push_back(p);
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (archives.empty()) return Status::InvalidInput(dir + ": no .tar.xz archives of the Alpino treebank");
  std::sort(archives.begin(), archives.end());
  for (const std::string& a : archives) BRON_RETURN_IF_ERROR(ReadArchive(a, out));
  return Status::Ok();
}

}  // namespace bron
