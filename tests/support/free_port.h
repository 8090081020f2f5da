#ifndef CLAIMTRACK_TESTS_SUPPORT_FREE_PORT_H_
#define CLAIMTRACK_TESTS_SUPPORT_FREE_PORT_H_

namespace claimtrack::testing {

// A loopback TCP port free right now, for ports that have no port file
// (--health_listen, --metrics_listen). Another process could take it before
// the service binds it, but the window is tiny.
int FreePort();

}  // namespace claimtrack::testing

#endif  // CLAIMTRACK_TESTS_SUPPORT_FREE_PORT_H_
