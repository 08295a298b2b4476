#pragma once

#include <Qt>

namespace Chainscope {

// Roles the item models share with the views. ChainMarkRole carries how an item
// relates to a chain (a ChainMark, correlator.h); views turn it into colour and icon.
constexpr int ChainMarkRole = Qt::UserRole + 20;
// True on the cells that carry the mark's icon (the tree's process column, the chain
// list's verdict column): one icon per row, where the eye looks for it.
constexpr int MarkDecorationRole = Qt::UserRole + 21;

} // namespace Chainscope
