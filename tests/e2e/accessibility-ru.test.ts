import { appAndBrowserForThisFile } from "../helpers/browser";
import { sweepInLanguage } from "./accessibility-sweep";

// The accessibility matrix in one interface language (the other three have a file each, so
// that the suite's workers run them side by side).
sweepInLanguage(appAndBrowserForThisFile(), "ru");
