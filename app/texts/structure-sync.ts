import * as Y from "yjs";

/**
 * Keeps the article structure of the texts of one act aligned (decision 024): after a
 * structural change in one text (an article added, removed or moved), the same change is made
 * in a sibling text as one Yjs transaction on that text's document, matched by the stable
 * article ids the texts share. An added article arrives as a placeholder (its structure with
 * empty headings and paragraphs, the same ids), a removed one is removed, a moved one is moved
 * with the sibling's own words. Nothing else in the sibling is touched.
 */

/** Where each article stands: the id of the chapter holding it ("" at the top level), and its order. */
export type ArticleLayout = Map<string, { container: string; index: number }>;

const ROOT = "";

function containers(fragment: Y.XmlFragment): Map<string, Y.XmlFragment | Y.XmlElement> {
  const found = new Map<string, Y.XmlFragment | Y.XmlElement>([[ROOT, fragment]]);
  for (const node of fragment.toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === "chapter") {
      const id = node.getAttribute("id");
      if (typeof id === "string") found.set(id, node);
    }
  }
  return found;
}

function articlesIn(container: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  return container
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "article");
}

const idOf = (element: Y.XmlElement) => element.getAttribute("id") as string | undefined;

/** The articles of a text (top level and in chapters), by id. */
export function articleLayout(doc: Y.Doc): ArticleLayout {
  const layout: ArticleLayout = new Map();
  for (const [containerId, container] of containers(doc.getXmlFragment("default"))) {
    articlesIn(container).forEach((element, index) => {
      const id = idOf(element);
      if (id) layout.set(id, { container: containerId, index });
    });
  }
  return layout;
}

/** Whether the layout changed: an article added, removed, or in another place or order. */
export function layoutChanged(before: ArticleLayout, after: ArticleLayout): boolean {
  if (before.size !== after.size) return true;
  for (const [id, place] of after) {
    const old = before.get(id);
    if (!old || old.container !== place.container || old.index !== place.index) return true;
  }
  return false;
}

/** The element's structure with the same ids and attributes, every text in it empty. */
function placeholderOf(element: Y.XmlElement): Y.XmlElement {
  const copy = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(element.getAttributes())) {
    if (value !== undefined) copy.setAttribute(key, value as string);
  }
  const children = element
    .toArray()
    .map((child) => (child instanceof Y.XmlElement ? placeholderOf(child) : new Y.XmlText()));
  copy.insert(0, children);
  return copy;
}

function indexIn(container: Y.XmlFragment | Y.XmlElement, element: Y.XmlElement): number {
  return container.toArray().indexOf(element);
}

/**
 * Makes the sibling's articles follow the source's layout, in one transaction with `origin`:
 * articles the source gained are inserted as placeholders, articles the source lost since
 * `before` are removed, articles in another chapter or order are moved. An article the
 * sibling has and the source never had (`before`) is left where it is. Returns whether
 * anything changed.
 */
export function alignStructure(source: Y.Doc, before: ArticleLayout, sibling: Y.Doc, origin: unknown): boolean {
  const sourceContainers = containers(source.getXmlFragment("default"));
  const after = articleLayout(source);
  let changed = false;
  sibling.transact(() => {
    const fragment = sibling.getXmlFragment("default");
    const find = (id: string): { container: Y.XmlFragment | Y.XmlElement; element: Y.XmlElement } | null => {
      for (const container of containers(fragment).values()) {
        const element = articlesIn(container).find((candidate) => idOf(candidate) === id);
        if (element) return { container, element };
      }
      return null;
    };
    // Removed from the source since `before`: removed here.
    for (const id of before.keys()) {
      if (after.has(id)) continue;
      const found = find(id);
      if (!found) continue;
      found.container.delete(indexIn(found.container, found.element), 1);
      changed = true;
    }
    // Every container of the source, article by article: each one in place after the previous.
    for (const [containerId, sourceContainer] of sourceContainers) {
      const target = containers(fragment).get(containerId);
      if (!target) continue; // A chapter the sibling lacks: its articles stay where they are.
      let previous: Y.XmlElement | null = null;
      for (const sourceArticle of articlesIn(sourceContainer)) {
        const id = idOf(sourceArticle);
        if (!id) continue;
        const found = find(id);
        const inPlace =
          found &&
          found.container === target &&
          (previous === null
            ? precededByNoShared(target, found.element, after)
            : indexIn(target, found.element) > indexIn(target, previous));
        let element: Y.XmlElement;
        if (found && inPlace) {
          element = found.element;
        } else {
          // New here (a placeholder) or moved (the sibling's own words, cloned to the new place).
          element = found ? found.element.clone() : placeholderOf(sourceArticle);
          if (found) found.container.delete(indexIn(found.container, found.element), 1);
          const at = previous ? indexIn(target, previous) + 1 : firstArticleIndex(target);
          target.insert(at, [element]);
          changed = true;
        }
        previous = element;
      }
    }
  }, origin);
  return changed;
}

/** Whether no article of the source comes before this one in the container (the sibling's own may). */
function precededByNoShared(container: Y.XmlFragment | Y.XmlElement, element: Y.XmlElement, shared: ArticleLayout) {
  const articles = articlesIn(container);
  return articles.slice(0, articles.indexOf(element)).every((other) => !shared.has(idOf(other) ?? ""));
}

/** Where a container's first article goes: before its first article, else after its heading. */
function firstArticleIndex(container: Y.XmlFragment | Y.XmlElement): number {
  const children = container.toArray();
  const first = children.findIndex((node) => node instanceof Y.XmlElement && node.nodeName === "article");
  if (first >= 0) return first;
  return container instanceof Y.XmlElement ? Math.min(1, children.length) : children.length;
}
