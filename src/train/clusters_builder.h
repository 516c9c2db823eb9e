// Word clusters for training (see tag/clusters.h): spherical k-means over the left and right neighbour
// counts of every frequent word in unlabelled text of ../shared/data (news, and the words of the
// annotated corpora). Deterministic: the same data gives the same clusters.
#ifndef BRON_TRAIN_CLUSTERS_BUILDER_H_
#define BRON_TRAIN_CLUSTERS_BUILDER_H_

#include <functional>
#include <string>

#include "bron/status.h"
#include "tag/clusters.h"

namespace bron {

Status BuildWordClusters(const std::string& data_dir, const std::string& lang, WordClusters* out,
                         const std::function<void(const std::string&)>& log);

}  // namespace bron

#endif  // BRON_TRAIN_CLUSTERS_BUILDER_H_
