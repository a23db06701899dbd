package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import io.grpc.ConnectivityState;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A server that comes back after a long absence is reached by the client's own retries. While nothing listens, gRPC
 * backs off its reconnects further each time (1 s, 1.6 s, 2.6 s, 4.1 s, 6.6 s, ...); a call in that window fails at
 * once with the last "connection refused", so without the client ending the backoff before each retry, all five
 * retries (3 s in all) could fall inside one window after a restart.
 */
class ReconnectTest {

    @Test
    void retriesReachAServerThatCameBackAfterALongAbsence() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String target = "127.0.0.1:" + port;
        try (AscentClient client = AscentClient.builder()
                .contentTarget(target)
                .trackerTarget(target)
                .build()) {
            // Nothing listens: let the channel try, fail and back off for a while.
            client.channel(AscentClient.Service.CONTENT).getState(true);
            Thread.sleep(9_000);
            assertEquals(
                    ConnectivityState.TRANSIENT_FAILURE,
                    client.channel(AscentClient.Service.CONTENT).getState(false),
                    "the channel is backing off");
            Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .addService(new ContentServiceGrpc.ContentServiceImplBase() {
                        @Override
                        public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> out) {
                            out.onNext(ListRolesResponse.getDefaultInstance());
                            out.onCompleted();
                        }
                    })
                    .build()
                    .start();
            try {
                assertEquals(
                        ListRolesResponse.getDefaultInstance(),
                        client.content().listRoles(ListRolesRequest.getDefaultInstance()));
            } finally {
                server.shutdownNow();
            }
        }
    }
}
