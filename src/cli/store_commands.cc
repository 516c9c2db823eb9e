// The commands that read the store: bron stats, search, entities, stories, ledger. Each prints a table
// for people (--format table, the default) or the JSON the HTTP API gives (--format json).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "io/json_writer.h"
#include "store/store.h"
#include "store/store_json.h"

namespace bron {
namespace {

struct StoreFlags {
  std::string db = "bron.db";
  std::string format = "table";
  int limit = 50;
};

void AddStoreFlags(CLI::App* cmd, StoreFlags* flags) {
  cmd->add_option("--db", flags->db, "The store (default bron.db)");
  cmd->add_option("--format", flags->format, "table (for people, the default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--limit", flags->limit, "At most this many rows (default 50)")->check(CLI::Range(1, 100000));
}

// Opens the store read-only and runs `body`; errors become exit status 1.
template <typename F>
int WithStore(const StoreFlags& flags, F body) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(flags.db, {.read_only = true}, &store);
  if (s.ok()) s = body(*store);
  if (!s.ok()) {
    PrintError(s.message());
    return 1;
  }
  return 0;
}

void PrintJson(const std::string& json) { std::printf("%s\n", json.c_str()); }

// Cuts `s` to `width` code points (adding …), for table cells.
std::string Cell(const std::string& s, size_t width) {
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (points == width) {
        // Drop back to make room for the ellipsis.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
        return out + "…";
      }
      ++points;
    }
    out += s[i] == '\n' ? ' ' : s[i];
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", v);
  return buf;
}

void PrintLedgerTable(const std::vector<LedgerEntry>& entries) {
  if (entries.empty()) {
    std::printf("(no ledger entries: no stored claims match)\n");
    return;
  }
  for (const LedgerEntry& e : entries) {
    std::printf("#%lld  %s\n", static_cast<long long>(e.id), Cell(e.text, 110).c_str());
    std::printf("      first seen %s · %lld claims in %lld reports from %lld sources · %s",
                e.first_seen.value_or("?").c_str(), static_cast<long long>(e.claims),
                static_cast<long long>(e.documents), static_cast<long long>(e.sources_count), e.certainty.c_str());
    if (e.story) std::printf(" · story %lld", static_cast<long long>(e.story));
    std::printf("\n");
    if (!e.entities.empty()) std::printf("      about: %s\n", Join(e.entities).c_str());
    if (!e.corroborated_by.empty()) std::printf("      corroborated by: %s\n", Join(e.corroborated_by).c_str());
    if (!e.denied_by.empty()) std::printf("      denied by: %s\n", Join(e.denied_by).c_str());
    if (!e.not_confirmed_by.empty()) std::printf("      not confirmed by: %s\n", Join(e.not_confirmed_by).c_str());
    if (e.numbers.size() > 1) {
      std::vector<std::string> values;
      for (const LedgerNumber& n : e.numbers) {
        values.push_back(Number(n.value) + (n.counted.empty() ? (n.unit.empty() ? "" : " " + n.unit) : " " + n.counted) +
                         " (" + std::to_string(n.reports) + "×)");
      }
      std::printf("      numbers: %s\n", Join(values, " → ").c_str());
    }
    for (const LedgerSource& s : e.sources) {
      std::printf("      - %s %s%s: %s\n", s.published.value_or("").c_str(),
                  s.site.value_or(s.doc_id).c_str(), s.source.empty() ? "" : (" (" + s.source + ")").c_str(),
                  Cell(s.text, 90).c_str());
    }
  }
}

CommandRunner AddStats(CLI::App& app) {
  auto flags = std::make_shared<StoreFlags>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts in the store: documents, entities, quotes, claims, stories, ledger");
  cmd->footer("Examples:\n  bron stats\n  bron stats --format json --db news.db");
  AddStoreFlags(cmd, flags.get());
  return [flags] {
    return WithStore(*flags, [&](Store& store) {
      StoreStats s;
      BRON_RETURN_IF_ERROR(store.Stats(&s));
      if (flags->format == "json") {
        std::string out;
        JsonWriter w(&out, false);
        WriteStatsJson(s, w);
        PrintJson(out);
      } else {
        const std::pair<const char*, int64_t> rows[] = {
            {"documents", s.documents}, {"revisions", s.revisions}, {"duplicates", s.duplicates},
            {"entities", s.entities},   {"quotes", s.quotes},       {"claims", s.claims},
            {"stories", s.stories},     {"ledger", s.ledger},       {"sources", s.sources}};
        for (const auto& [name, n] : rows) std::printf("%-11s %10lld\n", name, static_cast<long long>(n));
      }
      return Status::Ok();
    });
  };
}

CommandRunner AddSearch(CLI::App& app) {
  auto flags = std::make_shared<StoreFlags>();
  auto text = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored documents, claims and quotes");
  cmd->footer("Every word must occur (case and accents ignored).\nExamples:\n  bron search Poetin drones\n"
              "  bron search --format json klimaatakkoord");
  cmd->add_option("text", *text, "Words to find")->required();
  AddStoreFlags(cmd, flags.get());
  return [flags, text] {
    return WithStore(*flags, [&](Store& store) {
      std::string query;
      for (const std::string& t : *text) query += (query.empty() ? "" : " ") + t;
      std::vector<SearchHit> hits;
      BRON_RETURN_IF_ERROR(store.Search(query, flags->limit, &hits));
      if (flags->format == "json") {
        std::string out;
        JsonWriter w(&out, false);
        WriteArrayJson(hits, WriteSearchHitJson, w);
        PrintJson(out);
      } else {
        if (hits.empty()) std::printf("(nothing found)\n");
        for (const SearchHit& h : hits) {
          std::printf("%-8s doc %-6lld %-10s %s\n         %s\n", h.kind.c_str(), static_cast<long long>(h.document),
                      h.published.value_or("").c_str(), Cell(h.title.value_or(h.doc_id), 80).c_str(),
                      Cell(h.snippet, 110).c_str());
        }
      }
      return Status::Ok();
    });
  };
}

CommandRunner AddEntities(CLI::App& app) {
  auto flags = std::make_shared<StoreFlags>();
  auto explain = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("entities", "Canonical entities across documents, with their spellings");
  cmd->footer("Examples:\n  bron entities\n  bron entities Poetin\n  bron entities --explain \"Vladimir Putin\"");
  cmd->add_option("name", *name, "Only the entities this name (or spelling) resolves to");
  cmd->add_option("--explain", *explain, "Every spelling merged into the entity NAME resolves to, and why");
  AddStoreFlags(cmd, flags.get());
  return [flags, explain, name] {
    return WithStore(*flags, [&](Store& store) {
      std::vector<EntitySummary> entities;
      if (!explain->empty()) BRON_RETURN_IF_ERROR(store.ExplainEntity(*explain, &entities));
      else BRON_RETURN_IF_ERROR(store.Entities(*name, flags->limit, &entities));
      if (flags->format == "json") {
        std::string out;
        JsonWriter w(&out, false);
        WriteArrayJson(entities, WriteEntitySummaryJson, w);
        PrintJson(out);
        return Status::Ok();
      }
      if (entities.empty()) std::printf("(no entity%s)\n", explain->empty() ? "" : (" named " + *explain).c_str());
      for (const EntitySummary& e : entities) {
        std::printf("%-6lld %-4s %-32s %5lld docs %6lld mentions %5lld claims  %s … %s\n", static_cast<long long>(e.id),
                    e.type.c_str(), Cell(e.name, 32).c_str(), static_cast<long long>(e.documents),
                    static_cast<long long>(e.mentions), static_cast<long long>(e.claims),
                    e.first_seen.value_or("?").c_str(), e.last_seen.value_or("?").c_str());
        if (explain->empty()) {
          std::vector<std::string> forms;
          for (const EntityAlias& a : e.aliases) if (a.text != e.name) forms.push_back(a.text);
          if (!forms.empty()) std::printf("       also: %s\n", Cell(Join(forms), 100).c_str());
        } else {
          for (const EntityAlias& a : e.aliases) {
            std::printf("       %-28s %4lld×  %s\n", Cell(a.text, 28).c_str(), static_cast<long long>(a.count),
                        a.reason.c_str());
          }
        }
      }
      return Status::Ok();
    });
  };
}

CommandRunner AddStories(CLI::App& app) {
  auto flags = std::make_shared<StoreFlags>();
  auto id = std::make_shared<int64_t>(0);
  CLI::App* cmd = app.add_subcommand("stories", "Stories: reports on one event grouped across papers and languages");
  cmd->footer("Examples:\n  bron stories\n  bron stories --id 12 --format json");
  cmd->add_option("--id", *id, "One story with its reports and ledger");
  AddStoreFlags(cmd, flags.get());
  return [flags, id] {
    return WithStore(*flags, [&](Store& store) {
      std::string out;
      JsonWriter w(&out, false);
      if (*id) {
        StoryDetail detail;
        bool found = false;
        BRON_RETURN_IF_ERROR(store.Story(*id, &detail, &found));
        if (!found) return Status::InvalidInput("no story " + std::to_string(*id) + " in " + flags->db);
        if (flags->format == "json") {
          WriteStoryDetailJson(detail, w);
          PrintJson(out);
          return Status::Ok();
        }
        std::printf("story %lld: %s (%s … %s)\n", static_cast<long long>(*id), detail.story.title.c_str(),
                    detail.story.first_seen.value_or("?").c_str(), detail.story.last_seen.value_or("?").c_str());
        for (const DocumentSummary& d : detail.documents) {
          std::printf("  doc %-6lld %-10s %-20s %s%s\n", static_cast<long long>(d.id), d.published.value_or("").c_str(),
                      Cell(d.site.value_or(d.doc_id), 20).c_str(), Cell(d.title.value_or(d.snippet), 70).c_str(),
                      d.duplicate_of ? (" (copy of doc " + std::to_string(d.duplicate_of) + ")").c_str() : "");
        }
        PrintLedgerTable(detail.ledger);
        return Status::Ok();
      }
      std::vector<StorySummary> stories;
      BRON_RETURN_IF_ERROR(store.Stories(flags->limit, &stories));
      if (flags->format == "json") {
        WriteArrayJson(stories, WriteStorySummaryJson, w);
        PrintJson(out);
        return Status::Ok();
      }
      for (const StorySummary& s : stories) {
        std::printf("%-6lld %3lld reports (%lld copies) %-10s %s\n       %s\n", static_cast<long long>(s.id),
                    static_cast<long long>(s.documents), static_cast<long long>(s.duplicates),
                    s.first_seen.value_or("").c_str(), Cell(s.title, 80).c_str(), Cell(Join(s.entities), 100).c_str());
      }
      return Status::Ok();
    });
  };
}

CommandRunner AddLedger(CLI::App& app) {
  auto flags = std::make_shared<StoreFlags>();
  auto query = std::make_shared<LedgerQuery>();
  CLI::App* cmd = app.add_subcommand(
      "ledger", "The claim ledger: each claim with its sources, first seen, repeats, who confirms or denies it, and how its numbers changed");
  cmd->footer("Examples:\n  bron ledger\n  bron ledger --entity \"Vladimir Putin\" --since 2026-02-01\n"
              "  bron ledger --story 12 --format json");
  cmd->add_option("--entity", query->entity, "Only claims about or by this entity (a name, any spelling, or an id)");
  cmd->add_option("--story", query->story, "Only claims of this story");
  cmd->add_option("--since", query->since, "Only claims seen on or after this date (YYYY-MM-DD)")
      ->check([](const std::string& v) {
        bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                  std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c) || c == '-'; });
        return ok ? std::string() : "expects a date YYYY-MM-DD, not '" + v + "'";
      });
  cmd->add_option("--certainty", query->certainty, "Only claims made with this certainty")
      ->check(CLI::IsMember({"asserted", "reported", "estimated", "possible", "conditional", "negated"}));
  AddStoreFlags(cmd, flags.get());
  return [flags, query] {
    return WithStore(*flags, [&](Store& store) {
      query->limit = flags->limit;
      std::vector<LedgerEntry> entries;
      BRON_RETURN_IF_ERROR(store.Ledger(*query, &entries));
      if (flags->format == "json") {
        std::string out;
        JsonWriter w(&out, false);
        WriteArrayJson(entries, WriteLedgerEntryJson, w);
        PrintJson(out);
      } else {
        PrintLedgerTable(entries);
      }
      return Status::Ok();
    });
  };
}

}  // namespace

std::vector<std::pair<std::string, CommandRunner>> AddStoreCommands(CLI::App& app) {
  return {{"stats", AddStats(app)},
          {"search", AddSearch(app)},
          {"entities", AddEntities(app)},
          {"stories", AddStories(app)},
          {"ledger", AddLedger(app)}};
}

}  // namespace bron
