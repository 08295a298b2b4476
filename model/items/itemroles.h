#pragma once

#include <Qt>

namespace Chainscope {

// Roles the item models share with the views. ChainMarkRole carries how an item
// relates to a chain (a ChainMark, correlator.h); views turn it into colour and icon.
constexpr int ChainMarkRole = Qt::UserRole + 20;

} // namespace Chainscope
