// A character trie over place names, for the gazetteer's lookups and its
// left-to-right longest-match scan. Edges live in one open-addressing hash
// table keyed by (node, code point): 45k names build in a few milliseconds
// with a handful of allocations, and following an edge is a probe or two.
#pragma once
#include <cstdint>
#include <vector>

namespace claimdb {

// An open-addressing hash map from nonzero 64-bit keys to 32-bit values:
// one flat allocation instead of a node per entry, which matters when the
// whole gazetteer has to load in a few tens of milliseconds.
class FlatMap {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  explicit FlatMap(size_t expected = 16) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    resize(cap);
  }
  // On the extractor's hot path (every text position probes a trie edge).
  uint32_t get(uint64_t key) const {
    const uint64_t* keys = keys_.data();
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys[i] == key) return vals_[i];
      if (keys[i] == 0) return kMissing;
    }
  }
  // The value stored under `key`; stores `value` first if there is none.
  uint32_t get_or_put(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    size_t i = slot(key);
    for (; keys_[i] != 0; i = (i + 1) & mask_)
      if (keys_[i] == key) return vals_[i];
    keys_[i] = key;
    vals_[i] = value;
    ++size_;
    return value;
  }
  size_t size() const { return size_; }

 private:
  // Fibonacci hashing: the top bits of the product spread neighbouring keys.
  size_t slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void resize(size_t cap) {
    keys_.assign(cap, 0);
    vals_.assign(cap, 0);
    mask_ = cap - 1;
    shift_ = 64;
    for (size_t c = cap; c > 1; c >>= 1) --shift_;
  }
  void grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> vals = std::move(vals_);
    resize(keys.size() * 2);
    for (size_t j = 0; j < keys.size(); ++j) {
      if (keys[j] == 0) continue;
      size_t i = slot(keys[j]);
      while (keys_[i] != 0) i = (i + 1) & mask_;
      keys_[i] = keys[j];
      vals_[i] = vals[j];
    }
  }

  std::vector<uint64_t> keys_;  // 0 marks an empty slot
  std::vector<uint32_t> vals_;
  size_t size_ = 0;
  size_t mask_ = 0;  // capacity - 1 (a power of two)
  int shift_ = 64;
};

class NameTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = 0;  // the root is never anyone's child

  explicit NameTrie(size_t expected_nodes = 1024) : edges_(expected_nodes) {}

  // The child of `node` along `c`, or kNone.
  uint32_t child(uint32_t node, char32_t c) const {
    uint32_t v = edges_.get(pack(node, c));
    return v == FlatMap::kMissing ? kNone : v;
  }
  // The child of `node` along `c`, created if missing.
  uint32_t add_child(uint32_t node, char32_t c) {
    return edges_.get_or_put(pack(node, c), static_cast<uint32_t>(edges_.size() + 1));
  }
  // Nodes so far, the root included; node ids are 0 .. nodes()-1.
  size_t nodes() const { return edges_.size() + 1; }

 private:
  // +1 keeps every key nonzero (FlatMap's empty mark).
  static uint64_t pack(uint32_t node, char32_t c) { return ((uint64_t{node} << 21) | c) + 1; }
  FlatMap edges_;
};

}  // namespace claimdb
