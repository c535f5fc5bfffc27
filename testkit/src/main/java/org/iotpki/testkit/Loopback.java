// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where the testkit servers listen: 127.0.0.1, with small answers sent at once. */
final class Loopback {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every answer back 40 ms. Read once, when the JDK's server
    // configuration loads: so before the first server starts, and only if nobody chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private Loopback() {}

  /**
   * A port a testkit server may be asked to listen on: 0 (a free one) to 65535.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    return port;
  }

  /** 127.0.0.1:port, whatever the JVM prefers for "localhost". */
  static InetSocketAddress address(int port) {
    return new InetSocketAddress(address(), port);
  }

  /** 127.0.0.1. */
  static InetAddress address() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError("a literal address needs no lookup", e);
    }
  }
}
