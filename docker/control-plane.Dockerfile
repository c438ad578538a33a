# DittoFS control-plane (control-plane-service). Build from the repository root: docker build -f docker/control-plane.Dockerfile .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl control-plane-service -am install \
 && ./mvnw -B -q -pl control-plane-service dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp control-plane-service/target/control-plane-service-*.jar /out/lib/

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 dittofs && mkdir -p /data && chown dittofs /data
COPY --from=build /out/lib /app/lib
USER dittofs
ENV DITTOFS_DATA_DIR=/data
VOLUME /data
EXPOSE 7104 8080
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.dittofs.control.ControlPlaneApplication"]
