# DittoFS metadata (metadata-service). Build from the repository root: docker build -f docker/metadata.Dockerfile .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl metadata-service -am install \
 && ./mvnw -B -q -pl metadata-service dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp metadata-service/target/metadata-service-*.jar /out/lib/

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 dittofs && mkdir -p /data && chown dittofs /data
COPY --from=build /out/lib /app/lib
USER dittofs
ENV DITTOFS_DATA_DIR=/data
VOLUME /data
EXPOSE 7101
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.dittofs.metadata.MetadataServiceApplication"]
