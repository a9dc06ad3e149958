# syntax=docker/dockerfile:1
# One build for every image of the system (docker compose builds each target from it):
#   docker build --target identity-service .   (also dossier-service, notification-service, smsc-simulator)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q package -DskipTests -am \
      -pl identity-service,dossier-service,notification-service,smsc-simulator

FROM eclipse-temurin:17-jre AS runtime
# curl serves the compose health checks
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
USER 1001

FROM runtime AS identity-service
COPY --from=build /src/identity-service/target/quarkus-app /app
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]

FROM runtime AS dossier-service
COPY --from=build /src/dossier-service/target/quarkus-app /app
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]

FROM runtime AS notification-service
COPY --from=build /src/notification-service/target/quarkus-app /app
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]

FROM runtime AS smsc-simulator
COPY --from=build /src/smsc-simulator/target/smsc-simulator.jar /app/smsc-simulator.jar
EXPOSE 2775 8090
ENTRYPOINT ["java", "-jar", "/app/smsc-simulator.jar"]
