// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * Types shared by every iotpki module, such as {@link org.iotpki.core.PkiParseException}.
 *
 * <p>Sub-packages: {@code crypto} (keys, signature algorithms, providers), {@code io} (PEM and
 * DER reading and writing), {@code cert} (certificate and CSR building and inspection) and
 * {@code validation} (chain validation with reason codes).
 */
package org.iotpki.core;
