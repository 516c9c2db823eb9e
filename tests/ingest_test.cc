// End-to-end tests of `bron ingest` and `bron analyze --input html|warc`: folders, WARC archives, order
// whatever the threads, limits, damaged input, exit codes and messages.
#include <sys/stat.h>
#include <zlib.h>

#include <string>

#include "tests/test_util.h"

namespace bron {
namespace {

using testing::Gzip;

using testing::ReadFile;
using testing::RunBron;
using testing::ScratchPath;
using testing::SourcePath;
using testing::WriteScratch;

std::string Page(int i) {
  return "<html><head><title>Report " + std::to_string(i) + "</title></head><body><nav><a href='/'>Home</a></nav>"
         "<p>This is report number " + std::to_string(i) + " of the archive, with enough words in it to count as text.</p>"
         "</body></html>";
}

std::string Response(const std::string& uri, const std::string& content_type, const std::string& body) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\n\r\n" + body;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// A WARC of `n` pages, one gzip member per record.
std::string Warc(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += Gzip(Response("https://example.org/" + std::to_string(i), "text/html", Page(i)));
  return out;
}

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

std::string Folder(const std::string& name) {
  std::string dir = ScratchPath(name);
  mkdir(dir.c_str(), 0755);
  return dir;
}

TEST(Ingest, HelpHasExamples) {
  auto r = RunBron("ingest --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Example"), std::string::npos);
}

TEST(Ingest, FoldersOfEveryKindInDeterministicOrder) {
  std::string dir = Folder("mixed");
  mkdir((dir + "/sub").c_str(), 0755);
  WriteScratch("mixed/a.jsonl", "{\"id\":\"j1\",\"text\":\"First JSON document.\"}\n{\"id\":\"j2\",\"text\":\"Second one.\"}\n");
  WriteScratch("mixed/b.txt", "A plain text file.");
  WriteScratch("mixed/sub/c.warc.gz", Warc(40));
  WriteScratch("mixed/sub/d.html", ReadFile(SourcePath("tests/data/ingest/article.html")));
  WriteScratch("mixed/ignored.png", "\x89PNG");
  auto one = RunBron("ingest --stages tokenize --jobs 1 --out " + ScratchPath("one.jsonl") + " " + dir);
  ASSERT_EQ(one.status, 0) << one.err;
  std::string first = ReadFile(ScratchPath("one.jsonl"));
  EXPECT_EQ(Lines(first), 2u + 1u + 40u + 1u);
  EXPECT_LT(first.find("\"j1\""), first.find("\"j2\""));
  EXPECT_LT(first.find("example.org/0\""), first.find("example.org/39\""));
  EXPECT_NE(first.find("\"published\":\"2024-05-01\""), std::string::npos);  // WARC-Date for pages without one
  EXPECT_NE(first.find("\"title\":\"Floods close the ring road\""), std::string::npos);
  EXPECT_EQ(first.find("First! Great article"), std::string::npos);
  for (int run = 0; run < 3; ++run) {  // the same bytes whatever the threads
    auto many = RunBron("ingest --out - --stages tokenize --jobs 4 " + dir);
    ASSERT_EQ(many.status, 0) << many.err;
    EXPECT_EQ(many.out, first);
  }
}

TEST(Ingest, DamagedWarcKeepsWhatCameBeforeAndNamesTheOffset) {
  std::string good = Warc(10);
  std::string cut = WriteScratch("cut.warc.gz", good.substr(0, good.size() - 30));
  auto r = RunBron("ingest --out - --stages tokenize " + cut);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 9u);
  EXPECT_NE(r.err.find(cut + ": byte "), std::string::npos) << r.err;

  std::string junk = WriteScratch("junk.warc.gz", good + "garbage after the end");
  r = RunBron("ingest --out - --stages tokenize " + junk);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 10u);
  EXPECT_NE(r.err.find(junk + ": byte " + std::to_string(good.size()) + ": data after a gzip member is not gzip"),
            std::string::npos)
      << r.err;

  std::string plain;  // uncompressed, cut in the middle of the 4th record
  for (int i = 0; i < 5; ++i) plain += Response("https://e.org/" + std::to_string(i), "text/html", Page(i));
  size_t record = plain.size() / 5;
  std::string mid = WriteScratch("mid.warc", plain.substr(0, 3 * record + record / 2));
  r = RunBron("ingest --out - --stages tokenize " + mid);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 3u);
  EXPECT_NE(r.err.find(mid + ": byte " + std::to_string(3 * record) + ": the record is cut short"), std::string::npos)
      << r.err;
}

TEST(Ingest, LimitsSkipAndReportDocuments) {
  std::string dir = Folder("limits");
  WriteScratch("limits/a.html", ReadFile(SourcePath("tests/data/ingest/article.html")));
  std::string big = "<html><body>";
  while (big.size() < 1200000) big += "<p>Filler text of a very long page.</p>";
  WriteScratch("limits/b.html", big + "</body></html>");
  auto r = RunBron("ingest --out - --stages tokenize --max-mb 1 --progress " + dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 1u);
  EXPECT_NE(r.err.find(dir + "/b.html: page of"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 1: too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 2, written 1"), std::string::npos) << r.err;

  r = RunBron("ingest --out - --stages tokenize --max-seconds 0.0000001 " + dir + "/a.html");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("time limit"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

// A page whose parsing runs past --max-seconds is stopped in the parser and reported by name; the
// other documents are written.
TEST(Ingest, TheTimeLimitStopsParsingAHugePage) {
  std::string huge = "<html><body>";
  for (int i = 0; huge.size() < (size_t{30} << 20); ++i) {
    huge += "<div><p>Paragraph " + std::to_string(i) + " of a page that takes seconds to parse.</p><b><i>x</b></i></div>";
  }
  std::string dir = Folder("slow");
  WriteScratch("slow/a.html", huge + "</body></html>");
  WriteScratch("slow/b.html", ReadFile(SourcePath("tests/data/ingest/article.html")));
  auto r = RunBron("ingest --out - --stages tokenize --jobs 2 --max-seconds 0.5 --progress " + dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 1u);
  // Parsing 30 MB takes longer than 0.5 s here (the unit test HtmlExtract.TheDeadlineInterruptsParsing
  // pins the stage down); a much faster machine may get through it and stop in the walks after it.
  EXPECT_NE(r.err.find(dir + "/a.html: the per-document time limit passed while "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(0.5 s); skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 1: time limit"), std::string::npos) << r.err;
}

TEST(Ingest, AHundredMegabytePageIsSkippedWithItsOffset) {
  std::string huge = "<html><body><p>" + std::string(100u << 20, 'x') + "</p></body></html>";
  std::string dir = Folder("huge");
  WriteScratch("huge/a.html", huge);
  WriteScratch("huge/b.html", ReadFile(SourcePath("tests/data/ingest/article.html")));
  std::string first = Response("https://e.org/0", "text/html", Page(0));
  WriteScratch("huge/c.warc", first + Response("https://e.org/huge", "text/html", huge) +
                                  Response("https://e.org/2", "text/html", Page(2)));
  huge.clear();
  huge.shrink_to_fit();
  auto r = RunBron("ingest --out - --stages tokenize " + dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 3u);  // b.html and the two small records
  EXPECT_NE(r.err.find(dir + "/a.html: page of " + std::to_string(15 + (100u << 20) + 18) + " bytes exceeds the limit"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(dir + "/c.warc: byte " + std::to_string(first.size()) + ": record of"), std::string::npos) << r.err;
  std::remove((dir + "/a.html").c_str());
  std::remove((dir + "/c.warc").c_str());
}

TEST(Ingest, HostileRecordsDoNotStopTheRest) {
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  std::string warc = Gzip(Response("https://e.org/bin", "text/html", binary)) +
                     Gzip(Response("https://e.org/img", "image/jpeg", binary)) +
                     Gzip(Response("https://e.org/latin1", "text/html; charset=iso-8859-1",
                                   "<p>Een caf\xe9 in de stad, met een terras en lange tafels voor iedereen.</p>")) +
                     Gzip(Response("https://e.org/ok", "text/html", Page(1)));
  std::string path = WriteScratch("hostile.warc.gz", warc);
  auto r = RunBron("ingest --out - --stages tokenize " + path);
  EXPECT_LT(r.status, 2) << r.err;
  EXPECT_NE(r.out.find("caf\xc3\xa9 in de stad"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("report number 1"), std::string::npos);
  EXPECT_EQ(r.out.find("e.org/img"), std::string::npos);
}

TEST(Ingest, JsonlIsStreamedLineByLine) {
  std::string good = "{\"id\":\"a\",\"text\":\"Eerste.\"}\n";
  std::string path = WriteScratch("s.jsonl", good + "{broken\n\n" + "{\"id\":\"c\",\"text\":\"Derde.\"}\r\n");
  auto r = RunBron("ingest --out - --stages tokenize --jobs 3 " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out), 2u);
  EXPECT_LT(r.out.find("\"a\""), r.out.find("\"c\""));
  EXPECT_NE(r.err.find(path + ": line 2 (byte " + std::to_string(good.size()) + "): invalid JSON"), std::string::npos) << r.err;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// .jsonl.gz files, and JSONL and WARC (plain or gzip) on standard input, are read a chunk at a time: the
// peak memory stays far below the 64 MB of (decompressed) input.
TEST(Ingest, CompressedAndStandardInputAreStreamed) {
  std::string text;
  for (int k = 0; k < 150; ++k) text += "De minister zei dinsdag dat het kabinet de plannen herziet. ";
  std::string jsonl;
  int n = 0;
  while (jsonl.size() < (size_t{64} << 20)) {
    jsonl += "{\"id\":\"d" + std::to_string(n++) + "\",\"lang\":\"nl\",\"text\":\"" + text + "\"}\n";
  }
  std::string gz = WriteScratch("big.jsonl.gz", Gzip(jsonl.substr(0, jsonl.size() / 2)) + Gzip(jsonl.substr(jsonl.size() / 2)));
  std::string warc;
  int pages = 0;
  std::string body = "<html><body><article><p>" + text + "</p></article></body></html>";
  while (warc.size() < (size_t{64} << 20)) warc += Response("https://e.org/" + std::to_string(pages++), "text/html", body);
  std::string warc_gz = WriteScratch("big.warc.gz", Gzip(warc));
  std::string warc_plain = WriteScratch("big.warc", warc);
  jsonl = warc = std::string();
  struct Case {
    std::string args, input;
    int records;
  } cases[] = {{"ingest --read-only --stages tokenize --progress " + gz, "", n},
               {"ingest --read-only --stages tokenize --progress -", gz, n},
               {"ingest --read-only --stages tokenize --progress -", warc_gz, pages},
               {"ingest --read-only --stages tokenize --progress -", warc_plain, pages}};
  for (const Case& c : cases) {
    auto r = RunBron(c.args, c.input.empty() ? "" : ReadFile(c.input));
    EXPECT_EQ(r.status, 0) << c.args << " <" << c.input << "\n" << r.err;
    EXPECT_NE(r.err.find("read " + std::to_string(c.records) + ","), std::string::npos) << c.input << "\n" << r.err;
    // The summary's peak memory (VmHWM): far below the input's 64 MB.
    size_t at = r.err.find("peak memory ");
    ASSERT_NE(at, std::string::npos) << r.err;
    long mb = std::atol(r.err.c_str() + at + 12);
    if (!kSanitized) {
      EXPECT_LT(mb, 48) << c.args << " <" << c.input;
    }
  }
  // A cut gzip on standard input: the lines before the cut are read, the byte is named.
  std::string cut = WriteScratch("cut.jsonl.gz", ReadFile(gz).substr(0, 100000));
  auto r = RunBron("ingest --out - --stages tokenize -", ReadFile(cut));
  EXPECT_EQ(r.status, 1);
  EXPECT_GT(Lines(r.out), 10u);
  EXPECT_NE(r.err.find("<stdin>: byte 100000: the gzip data ends in the middle of a member"), std::string::npos) << r.err;
  for (const std::string& f : {gz, warc_gz, warc_plain, cut}) std::remove(f.c_str());
}

TEST(Ingest, MissingInputsAndUsage) {
  auto r = RunBron("ingest --out - --stages tokenize /no/such/file.warc");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("/no/such/file.warc"), std::string::npos);
  EXPECT_EQ(RunBron("ingest --out - --jobs -1 x").status, 2);
  r = RunBron("ingest --out - --stages tokenize -", "{\"text\":\"From standard input.\"}\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 1u);
}

TEST(Ingest, AnalyzeReadsHtmlAndWarc) {
  auto r = RunBron("analyze --stages tokenize --format jsonl " + SourcePath("tests/data/ingest/article.html"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\":\"article\""), std::string::npos);
  EXPECT_NE(r.out.find("\"site\":\"The Daily Example\""), std::string::npos);
  EXPECT_NE(r.out.find("\"author\":\"Mary Smith\""), std::string::npos);
  EXPECT_NE(r.out.find("\"published\":\"2024-03-14\""), std::string::npos);
  EXPECT_EQ(r.out.find("Copyright"), std::string::npos);
  std::string gz = WriteScratch("page.html.gz", Gzip(ReadFile(SourcePath("tests/data/ingest/article.html"))));
  r = RunBron("analyze --stages tokenize --format jsonl " + gz);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("ring road"), std::string::npos);
  std::string warc = WriteScratch("a.warc.gz", Warc(3));
  r = RunBron("analyze --stages tokenize --format jsonl " + warc);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 3u);
  r = RunBron("analyze --stages tokenize --format jsonl --input html -", "<p>Van de standaardinvoer, een pagina.</p>");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("standaardinvoer"), std::string::npos);
}

TEST(Ingest, SharedWarcFixtures) {
  std::string dir = testing::SharedPath("data/warc/warcio/example.warc.gz");
  if (dir.empty()) GTEST_SKIP() << "../shared/data/warc is absent: the fixture tests need it";
  dir = dir.substr(0, dir.find_last_of('/'));
  auto r = RunBron("ingest --out - --stages tokenize " + dir + "/example.warc.gz");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"url\":\"http://example.com/\""), std::string::npos) << r.out;
  r = RunBron("ingest --out - --stages tokenize " + dir + "/../resiliparse/clipped.warc.gz");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("clipped.warc.gz: byte "), std::string::npos) << r.err;
  r = RunBron("ingest --out - --stages tokenize " + dir + "/..");  // every fixture, bad ones included: no crash
  EXPECT_EQ(r.status, 1);
  EXPECT_GT(Lines(r.out), 50u);
}

}  // namespace
}  // namespace bron
