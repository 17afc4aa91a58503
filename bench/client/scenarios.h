// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchdata.h"

#include <nlohmann/json.hpp>

namespace confab::bench {

// Each runs in its own process (a clean RSS) and returns its figures; progress goes to stderr.

// The model as shipped (a window of maxRows() = 500): reading back through the whole history.
nlohmann::json runWindowScenario(const BenchContext &ctx);
// setMaxRows(historyMessages): every message loaded, live messages merged, then the real
// TimelineView over all of them (first layout, scrolling, live messages with the view).
nlohmann::json runHistoryScenario(const BenchContext &ctx);
// Ten rooms with roomMessages each, all held in models at once.
nlohmann::json runRoomsScenario(const BenchContext &ctx);
// MessageDelegate::sizeHint() and paint() per row, cold and warm, on the history's mixed content.
nlohmann::json runDelegateScenario(const BenchContext &ctx);
// A room of 1,000 image messages scrolled through in the TimelineView (thumbnails decoded and
// cached as the app does), and the same room with the captions alone: RSS of each.
nlohmann::json runImagesScenario(const BenchContext &ctx);
nlohmann::json runNoImagesScenario(const BenchContext &ctx);

} // namespace confab::bench
