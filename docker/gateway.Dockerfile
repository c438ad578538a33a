# DittoFS gateway (protocol-gateway). Build from the repository root: docker build -f docker/gateway.Dockerfile .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl protocol-gateway -am install \
 && ./mvnw -B -q -pl protocol-gateway dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp protocol-gateway/target/protocol-gateway-*.jar /out/lib/

FROM eclipse-temurin:21-jre
# stateless: the gateway keeps nothing on disk (no data directory, no volume)
RUN useradd --system --uid 10001 dittofs
COPY --from=build /out/lib /app/lib
USER dittofs
EXPOSE 2049 2049/udp
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.dittofs.gateway.GatewayApplication"]
