// Progressive enhancement only: every page works without JavaScript.
import { initAll } from "../carepath/govuk-frontend.min.js";

initAll();
