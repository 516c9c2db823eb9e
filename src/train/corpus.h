// Annotated corpora for training and evaluation: CoNLL-U (UD), the Alpino treebank (XML in .tar.xz
// archives) and CoNLL NER files. Training code only: the runtime never links it.
#ifndef BRON_TRAIN_CORPUS_H_
#define BRON_TRAIN_CORPUS_H_

#include <string>
#include <vector>

#include "bron/status.h"

namespace bron {

struct AnnotatedSentence {
  std::vector<std::string> words;
  std::vector<std::string> lemmas;
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  std::vector<std::string> ner;  // IOB2 tags, for NER corpora
  size_t document = 0;           // index of its document (-DOCSTART- in CoNLL NER files), else 0
};

// The syntactic words of every sentence (multiword token lines skipped, empty nodes skipped).
Status ReadConlluCorpus(const std::string& path, std::vector<AnnotatedSentence>* out);

// Every sentence of every .xml file inside the .tar.xz archives of `dir` (Alpino treebank). XPOS is
// the CGN tag written UD's way ("WW(pv,tgw,ev)" => "WW|pv|tgw|ev"); UPOS is derived from it, the
// lemma and the dependency tree (AUX versus VERB, DET versus PRON) as UD_Dutch-Alpino does.
Status ReadAlpinoCorpus(const std::string& dir, std::vector<AnnotatedSentence>* out);

// CoNLL-2002/2003 NER: the first column is the word, the last the IOB tag; -DOCSTART- lines start a
// new document (AnnotatedSentence::document counts them).
// IOB1 tags (I- opening an entity) are converted to IOB2.
Status ReadConllNerCorpus(const std::string& path, std::vector<AnnotatedSentence>* out);

// "WW(pv,tgw,ev)" => "WW|pv|tgw|ev"; "LET()" => "LET".
std::string CgnToUdXpos(const std::string& postag);

}  // namespace bron

#endif  // BRON_TRAIN_CORPUS_H_
