#include <cstdio>
int main() { std::puts("claimdb " CLAIMDB_VERSION); }
