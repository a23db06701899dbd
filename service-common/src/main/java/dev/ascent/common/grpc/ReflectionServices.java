package dev.ascent.common.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Server reflection, so grpcurl, buf curl and Postman can discover every method without the .proto files. */
@Factory
public class ReflectionServices {

    @Singleton
    @Named("reflection-v1")
    BindableService reflectionV1() {
        return ProtoReflectionServiceV1.newInstance();
    }

    /** The older v1alpha protocol, still the only one some tools speak. */
    @Singleton
    @Named("reflection-v1alpha")
    @SuppressWarnings("deprecation")
    BindableService reflectionV1Alpha() {
        return ProtoReflectionService.newInstance();
    }
}
