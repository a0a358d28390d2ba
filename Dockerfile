# The runner image: `docker build -t sessionrnn .` at the repository root, then
#   docker run --rm -v "$PWD/results:/results" sessionrnn run experiments/fractions.yaml --output /results
# The entry point is the runner itself, so any command (run, report, status, compare, bench) follows the image.
# For the GPU build of TensorFlow: docker build --build-arg MAVEN_PROFILES=-Pgpu -t sessionrnn:gpu . (and a CUDA
# 12 / cuDNN 9 base image for the second stage, e.g. nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04 plus a JRE).
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MAVEN_PROFILES=""
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q ${MAVEN_PROFILES} dependency:go-offline
COPY src src
RUN mvn -B -q ${MAVEN_PROFILES} package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
# runner.jar is a thin jar that loads its libraries from target/lib/ next to it
COPY --from=build /src/runner.jar /app/runner.jar
COPY --from=build /src/target/lib /app/target/lib
COPY experiments /app/experiments
ENV TF_CPP_MIN_LOG_LEVEL=2
# TensorFlow's native library is extracted on first use into a folder any user may write
ENTRYPOINT ["java", "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp", "-jar", "/app/runner.jar"]
CMD ["--help"]
