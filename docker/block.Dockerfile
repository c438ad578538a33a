# DittoFS block (block-service). Build from the repository root: docker build -f docker/block.Dockerfile .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl block-service -am install \
 && ./mvnw -B -q -pl block-service dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp block-service/target/block-service-*.jar /out/lib/

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 dittofs && mkdir -p /data && chown dittofs /data
COPY --from=build /out/lib /app/lib
USER dittofs
ENV DITTOFS_DATA_DIR=/data
VOLUME /data
EXPOSE 7102
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.dittofs.block.BlockServiceApplication"]
