# Source this in a shell to build by hand with the same JDK and options as ./rivet and ./test.sh.
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
