#include <charconv>

#include "io/writer.h"

namespace bron {
namespace {

void AppendNumber(uint32_t n, std::string* out) {
  char buffer[16];
  auto r = std::to_chars(buffer, buffer + sizeof(buffer), n);
  out->append(buffer, r.ptr);
}

// CoNLL-U fields hold no tabs or line breaks: those become spaces.
void AppendField(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

void WriteConllu(const Document& doc, std::string* out, const FlushFunction& flush) {
  out->append("# newdoc id = ");
  AppendField(doc.id, out);
  out->push_back('\n');
  size_t mwt = 0;  // next multiword token
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (si < doc.sentence_comments.size() && !doc.sentence_comments[si].empty()) {
      for (const std::string& c : doc.sentence_comments[si]) {
        out->append(c);
        out->push_back('\n');
      }
    } else {
      out->append("# sent_id = ");
      AppendField(doc.id, out);
      out->push_back('-');
      AppendNumber(static_cast<uint32_t>(si + 1), out);
      out->append("\n# text = ");
      AppendField(doc.Span(s.start, s.end), out);
      out->push_back('\n');
    }
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      uint32_t id = t - s.first_token + 1;
      while (mwt < doc.multiword_tokens.size() && doc.multiword_tokens[mwt].end_token <= t) ++mwt;
      if (mwt < doc.multiword_tokens.size() && doc.multiword_tokens[mwt].first_token == t) {
        const MultiwordToken& m = doc.multiword_tokens[mwt];
        AppendNumber(id, out);
        out->push_back('-');
        AppendNumber(id + (m.end_token - m.first_token) - 1, out);
        out->push_back('\t');
        AppendField(m.form, out);
        out->append("\t_\t_\t_\t_\t_\t_\t_\t");
        out->append(m.misc.empty() ? "_" : m.misc);
        out->push_back('\n');
      }
      AppendNumber(id, out);
      out->push_back('\t');
      AppendField(doc.Form(t), out);
      const Token& token = doc.tokens[t];
      out->push_back('\t');
      AppendField(token.lemma ? doc.strings.Get(token.lemma) : "_", out);
      out->push_back('\t');
      out->append(UposName(token.upos));
      out->push_back('\t');
      AppendField(token.xpos ? doc.strings.Get(token.xpos) : "_", out);
      out->append("\t_\t_\t_\t_\t");
      bool inside_mwt = mwt < doc.multiword_tokens.size() && doc.multiword_tokens[mwt].first_token <= t &&
                        t < doc.multiword_tokens[mwt].end_token;
      bool glued = !inside_mwt && t + 1 < s.end_token && doc.tokens[t + 1].gap == Gap::kNone &&
                   doc.tokens[t + 1].start == doc.tokens[t].end;
      std::string_view ner = token.ner == NerTag::kO ? "" : NerTagName(token.ner);
      if (glued && !ner.empty()) {
        out->append("NER=").append(ner).append("|SpaceAfter=No");
      } else if (glued) {
        out->append("SpaceAfter=No");
      } else if (!ner.empty()) {
        out->append("NER=").append(ner);
      } else {
        out->push_back('_');
      }
      out->push_back('\n');
    }
    out->push_back('\n');
    if (flush && out->size() > (1u << 20)) flush(*out);
  }
}

}  // namespace bron
