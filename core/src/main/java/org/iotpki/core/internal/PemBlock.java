// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

/**
 * One {@code -----BEGIN label-----} ... {@code -----END label-----} block, decoded.
 *
 * @param label the label, such as {@code CERTIFICATE}
 * @param der the decoded base64 content
 * @param offset the offset of the BEGIN line in the input
 */
public record PemBlock(String label, byte[] der, long offset) {}
