#include "ingest/warc_reader.h"

#include <dirent.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace bron {
namespace {

using testing::Gzip;

std::string Record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-01T12:00:00Z\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

const std::string kHtml =
    "<html><head><title>Een artikel</title></head><body><p>Dit is de tekst van een artikel in een archief, "
    "lang genoeg om als tekst te tellen.</p></body></html>";

std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Chunked(const std::string& body) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += 50) {
    std::string part = body.substr(i, 50);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx", part.size());
    out += std::string(size) + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::vector<std::string> Records() {
  return {
      Record("warcinfo", "", "application/warc-fields", "software: test\r\n"),
      Record("request", "https://a.nl/1", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\n\r\n"),
      Record("response", "https://a.nl/1", "application/http; msgtype=response",
             Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", kHtml)),
      Record("response", "https://a.nl/logo.png", "application/http; msgtype=response",
             Http("200 OK", "Content-Type: image/png\r\n", "\x89PNG...")),
      Record("response", "https://a.nl/gone", "application/http; msgtype=response",
             Http("404 Not Found", "Content-Type: text/html\r\n", kHtml)),
      Record("response", "<https://a.nl/2>", "application/http; msgtype=response",
             Http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                  Chunked(Gzip(kHtml)))),
      Record("resource", "file:///b.html", "text/html", kHtml),
  };
}

struct Read {
  std::vector<WebPage> pages;
  std::vector<uint64_t> offsets;
  std::vector<std::string> skipped;
  std::vector<std::string> page_errors;  // records that are damaged inside (a cut gzip body)
  Status status;
};

Read ReadAll(const std::string& name, const std::string& bytes) {
  Read r;
  auto reader = WarcReader::FromMemory(name, bytes, WarcOptions{});
  WarcRecord record;
  while (reader->Next(&record)) {
    WebPage page;
    std::string skip;
    Status s = RecordToPage(record, name, &page, &skip);
    if (!s.ok()) {
      r.page_errors.push_back(s.message());
      continue;
    }
    if (!skip.empty()) {
      r.skipped.push_back(skip);
      continue;
    }
    r.pages.push_back(page);
    r.offsets.push_back(record.offset);
  }
  r.status = reader->status();
  return r;
}

TEST(WarcReader, HtmlResponsesBecomePages) {
  std::string warc;
  for (const auto& r : Records()) warc += r;
  Read r = ReadAll("a.warc", warc);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.page_errors.empty());
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(r.pages[0].url, "https://a.nl/1");
  EXPECT_EQ(r.pages[0].date, "2024-05-01");
  EXPECT_EQ(r.pages[0].bytes, kHtml);
  EXPECT_EQ(r.pages[1].url, "https://a.nl/2");
  EXPECT_EQ(r.pages[1].bytes, kHtml);  // chunks joined, gzip undone
  EXPECT_EQ(r.pages[2].url, "file:///b.html");
  ASSERT_EQ(r.skipped.size(), 4u);
  EXPECT_EQ(r.skipped[2], "not HTML (image/png)");
  EXPECT_EQ(r.skipped[3], "HTTP status 404");
  size_t second = Records()[0].size() + Records()[1].size();
  EXPECT_EQ(r.offsets[0], second);
}

TEST(WarcReader, GzipPerRecordGivesMemberOffsets) {
  std::string warc;
  std::vector<size_t> starts;
  for (const auto& r : Records()) {
    starts.push_back(warc.size());
    warc += Gzip(r);
  }
  Read r = ReadAll("a.warc.gz", warc);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(r.offsets[0], starts[2]);
  EXPECT_EQ(r.offsets[1], starts[5]);
  // The same records as one gzip member.
  std::string whole;
  for (const auto& x : Records()) whole += x;
  EXPECT_EQ(ReadAll("b.warc.gz", Gzip(whole)).pages.size(), 3u);
}

TEST(WarcReader, DamageKeepsRecordsBeforeAndNamesTheOffset) {
  std::string warc;
  for (const auto& r : Records()) warc += r;
  size_t cut_record = Records()[0].size() + Records()[1].size() + Records()[2].size() + Records()[3].size() +
                      Records()[4].size();
  Read r = ReadAll("cut.warc", warc.substr(0, cut_record + 200));
  EXPECT_EQ(r.pages.size(), 1u);
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("cut.warc: byte " + std::to_string(cut_record) + ": the record is cut short"),
            std::string::npos)
      << r.status.message();

  std::string gz;
  for (const auto& x : Records()) gz += Gzip(x);
  r = ReadAll("junk.warc.gz", gz + "this is not gzip");
  EXPECT_EQ(r.pages.size(), 3u);
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("byte " + std::to_string(gz.size()) + ": data after a gzip member is not gzip"),
            std::string::npos)
      << r.status.message();

  r = ReadAll("trunc.warc.gz", gz.substr(0, gz.size() - Gzip(Records().back()).size() / 2));
  EXPECT_EQ(r.pages.size(), 2u);
  EXPECT_NE(r.status.message().find("ends in the middle of a member"), std::string::npos) << r.status.message();

  r = ReadAll("bad.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n");
  EXPECT_NE(r.status.message().find("bad.warc: byte 0: Content-Length \"lots\""), std::string::npos);
  r = ReadAll("text.warc", "just some text\n");
  EXPECT_NE(r.status.message().find("expected a WARC record"), std::string::npos);
}

TEST(WarcReader, ArcRecords) {
  std::string header = "filedesc://x.arc 0.0.0.0 20080430204825 text/plain 9\n1 0 test\n";
  std::string http = Http("200 OK", "Content-Type: text/html\r\n", kHtml);
  std::string arc = header + "\n" + "http://a.nl/x 1.2.3.4 20080430204826 text/html " + std::to_string(http.size()) +
                    "\n" + http + "\n";
  Read r = ReadAll("a.arc", arc);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].url, "http://a.nl/x");
  EXPECT_EQ(r.pages[0].date, "2008-04-30");
}

TEST(WarcReader, SharedFixtures) {
  std::string dir = testing::SharedPath("data/warc/warcio/example.warc.gz");
  if (dir.empty()) GTEST_SKIP() << "../shared/data/warc is absent: the fixture tests need it";
  dir = dir.substr(0, dir.find_last_of('/'));
  auto read_file = [&](const std::string& name) {
    return ReadAll(name, testing::ReadFile(dir + "/" + name));
  };
  for (const char* good : {"example.warc.gz", "example.warc", "example.arc.gz", "example.arc",
                           "example-iana.org-chunked.warc"}) {
    Read r = read_file(good);
    EXPECT_TRUE(r.status.ok()) << good << ": " << r.status.message();
    EXPECT_TRUE(r.page_errors.empty()) << good;
    EXPECT_GE(r.pages.size(), 1u) << good;
    if (!r.pages.empty()) {
      EXPECT_NE(r.pages[0].bytes.find("<html"), std::string::npos) << good;
      EXPECT_FALSE(r.pages[0].url.empty());
      EXPECT_FALSE(r.pages[0].date.empty());
    }
  }
  // A response whose gzip body is cut: the record is read, its page is an error naming the byte.
  Read trunc = read_file("example-trunc.warc");
  ASSERT_EQ(trunc.page_errors.size(), 1u);
  EXPECT_NE(trunc.page_errors[0].find("byte "), std::string::npos);
  Read cut = read_file("../ukwa_webarchive_test_suite/small-arcs-and-warcs/IAH-20080430204825-00000-blackbook-truncated.warc.gz");
  EXPECT_FALSE(cut.page_errors.empty() && cut.status.ok());
  // Every fixture, bad ones included: no crash, and an error always names a byte.
  for (const char* sub : {"warcio", "resiliparse", "ukwa_webarchive_test_suite/small-arcs-and-warcs"}) {
    std::string folder = dir + "/../" + sub;
    DIR* d = opendir(folder.c_str());
    if (!d) continue;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name[0] == '.' || name.find("arc") == std::string::npos || name.find(".lz4") != std::string::npos) continue;
      Read r = ReadAll(name, testing::ReadFile(folder + "/" + name));
      if (!r.status.ok()) {
        EXPECT_NE(r.status.message().find(": byte "), std::string::npos) << r.status.message();
      }
    }
    closedir(d);
  }
}

}  // namespace
}  // namespace bron
