# The gateway's image: production dependencies only; generated code is committed, so no generate step.
FROM node:22-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY schema ./schema
COPY prisma ./prisma
COPY src ./src
COPY tsconfig.json ./
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
