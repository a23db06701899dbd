/**
 * What both gRPC services share: start-up and settings ({@link dev.ascent.common.ServiceLauncher}), the admin token,
 * database plumbing ({@code db}), error types ({@code error}) and gRPC plumbing ({@code grpc}).
 */
package dev.ascent.common;
