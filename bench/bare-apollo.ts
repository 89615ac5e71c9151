/** The reference for bench/graphql-overhead: a bare Apollo Server 5 on Fastify answering `{ hello }`. */
import { ApolloServer } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify from "fastify";

const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "world" } } });
await apollo.start();
const app = Fastify();
app.route({ method: ["GET", "POST"], url: "/graphql", handler: fastifyApolloHandler(apollo) });
const address = await app.listen({ host: "127.0.0.1", port: 0 });
console.log(`bare apollo listening at ${address},`);
process.once(
  "SIGTERM",
  () =>
    void app
      .close()
      .then(() => apollo.stop())
      .then(() => process.exit(0)),
);
