// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.acme;

import java.util.Objects;

/**
 * A challenge the CA set for one identifier of an order, with the answer a {@link
 * ChallengeResponder} must publish before the CA validates it.
 *
 * @param type the challenge type ({@code http-01}, {@code dns-01})
 * @param identifier the DNS name or IP address being validated
 * @param token the challenge token (for http-01 the last path segment of {@link #httpPath()})
 * @param response what to publish: for http-01 the key authorization to serve at {@link
 *     #httpPath()}, for dns-01 the TXT record value for {@link #dnsRecordName()}
 */
public record AcmeChallenge(String type, String identifier, String token, String response) {
  /** The http-01 challenge type (RFC 8555 section 8.3). */
  public static final String HTTP_01 = "http-01";
  /** The dns-01 challenge type (RFC 8555 section 8.4). */
  public static final String DNS_01 = "dns-01";

  public AcmeChallenge {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(response, "response");
  }

  /** Where an http-01 answer is served: {@code /.well-known/acme-challenge/TOKEN}. */
  public String httpPath() {
    return "/.well-known/acme-challenge/" + token;
  }

  /** The name of a dns-01 TXT record: {@code _acme-challenge.IDENTIFIER.} */
  public String dnsRecordName() {
    return "_acme-challenge." + identifier + ".";
  }
}
