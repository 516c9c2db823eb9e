// Metadata of a parsed page (internal to src/ingest): title, author, publication date, site name and
// language from meta tags, JSON-LD, <time> elements and the URL, in that order of trust.
#ifndef BRON_INGEST_HTML_METADATA_H_
#define BRON_INGEST_HTML_METADATA_H_

#include <libxml/tree.h>

#include <string>

#include "ingest/html_extract.h"

namespace bron {

// Fills the metadata fields of `article` from `doc` (the whole page, before any cleaning).
void ExtractMetadata(xmlDoc* doc, const std::string& url, Article* article);

}  // namespace bron

#endif  // BRON_INGEST_HTML_METADATA_H_
