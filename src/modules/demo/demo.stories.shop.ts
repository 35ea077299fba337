// Jardin & Maison: deliveries, returns, invoices and disputes — what goes wrong around the
// product rather than inside it. Questions live in demo.stories.questions.ts.
import type { Story } from './demo.story.ts';

export const gardenShopStories: Story[] = [
  {
    key: 'delivered-damaged',
    brand: 'garden',
    reason: 'delivery',
    weight: 6,
    season: 'summer',
    bought: 'online',
    paths: { exchange: 3, refund: 1 },
    products: ['m:barbecue à gaz Flamoria 4 feux', 'f:plancha gaz Flamoria 60', 'm:barbecue charbon Kettle 57 cm', 'm:salon de jardin 6 places', 'f:table de jardin extensible'],
    productsEn: ['Flamoria 4-burner gas barbecue', 'Flamoria 60 gas plancha', 'Kettle 57 cm charcoal barbecue', '6-seat garden furniture set', 'extendable garden table'],
    tags: ['livraison', 'casse'],
    amount: [149, 699],
    fr: {
      messages: [
        {
          subjects: ['Barbecue livré endommagé', 'Livraison : couvercle enfoncé'],
          text: 'Bonjour,\n\nJ’ai reçu hier {le_produit} (commande {commande}). Le carton était éventré, le couvercle est enfoncé et une pièce en fonte est fendue. Le livreur est reparti avant que je puisse ouvrir le colis, j’ai quand même noté « sous réserve » sur le bordereau. Je joins les photos. Je souhaite un remplacement rapide, nous recevons du monde samedi.\n\nCordialement,\n{prenom}',
          products: ['m:barbecue à gaz Flamoria 4 feux', 'm:barbecue charbon Kettle 57 cm'],
        },
        {
          subjects: ['Colis arrivé cabossé, produit abîmé', 'Produit reçu abîmé'],
          text: 'Bonjour, commande {commande} : à l’ouverture du colis, {le_produit} présente un pied tordu et des rayures partout. Rien n’a été monté. Comment organiser le retour et l’échange ?',
        },
      ],
      short: [
        { subjects: ['Commande reçue en morceaux'], text: 'Commande {commande} reçue… en morceaux. Bravo le transporteur 👏 @JardinMaison', public: true },
        { subjects: ['Produit arrivé cassé'], text: 'Bonjour, {mon_produit} est arrivé cassé (commande {commande}). Je fais comment ?', products: ['m:barbecue à gaz Flamoria 4 feux', 'm:salon de jardin 6 places'] },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Item delivered damaged', 'Order arrived broken'],
          text: 'Hello,\n\nMy order {commande} ({produit}) arrived yesterday damaged: the box was torn open and one part is cracked. I wrote "damaged" on the delivery note and I have photos. Could you send a replacement quickly?\n\nBest regards,\n{prenom}',
        },
      ],
    },
  },
  {
    key: 'delivery-late',
    brand: 'garden',
    reason: 'delivery',
    weight: 8,
    bought: 'online',
    paths: { carrier: 4, refund: 1 },
    products: ['m:abri de jardin en bois 6 m²', 'm:lot de 4 bacs à réserve d’eau', 'm:kit d’arrosage goutte-à-goutte', 'm:tuyau d’arrosage 25 m', 'm:lot de 10 sacs de terreau', 'f:serre polycarbonate 4 m²'],
    productsEn: ['6 m² wooden garden shed', 'set of 4 self-watering planters', 'drip irrigation kit', '25 m garden hose', 'pack of 10 compost bags', '4 m² polycarbonate greenhouse'],
    tags: ['livraison', 'retard'],
    amount: [19, 899],
    fr: {
      messages: [
        {
          subjects: ['Commande toujours pas livrée', 'Où en est ma commande ?'],
          text: 'Bonjour,\n\nMa commande {commande} devait être livrée il y a dix jours. Le suivi indique « en cours d’acheminement » depuis une semaine et le transporteur ne répond pas au téléphone. Pouvez-vous me dire où est mon colis ?\n\n{prenom}',
        },
        {
          subjects: ['Colis indiqué livré mais jamais reçu', 'Livré selon le suivi, rien reçu'],
          text: 'Bonjour, le suivi de ma commande {commande} ({produit}) indique « livré » depuis mardi, mais je n’ai rien reçu, ni chez moi ni chez les voisins. Aucun avis de passage. Que se passe-t-il ?',
        },
        {
          subjects: ['Livraison annulée deux fois', 'Retard de livraison'],
          text: 'Bonjour,\nle créneau de livraison {du_produit} (commande {commande}) a été annulé deux fois la veille, j’ai posé deux jours de congé pour rien. Je voudrais une date ferme ou je demanderai le remboursement.',
        },
      ],
      short: [
        { subjects: ['Commande annoncée livrée, jamais reçue'], text: 'Commande {commande} annoncée livrée, jamais reçue. On fait comment ? @JardinMaison', public: true },
        { subjects: ['Commande en retard'], text: 'Bonjour, ma commande {commande} a 10 jours de retard, vous avez des nouvelles ?' },
        { subjects: ['Toujours rien reçu'], text: 'Toujours rien reçu pour la commande {commande}… Quelqu’un peut me répondre ?' },
      ],
    },
    en: {
      messages: [{ subjects: ['Order not delivered yet', 'Where is my parcel?'], text: 'Hello,\n\nMy order {commande} was due ten days ago. Tracking has said "in transit" for a week and the carrier does not answer. Where is my parcel?\n\n{prenom}' }],
      short: [{ subjects: ['Order 10 days late'], text: 'Hi, my order {commande} is 10 days late, any news?' }],
    },
  },
  {
    key: 'wrong-item',
    brand: 'garden',
    reason: 'return',
    weight: 4,
    bought: 'online',
    paths: { exchange: 3, refund: 1 },
    products: ['m:salon de jardin anthracite', 'm:tuyau d’arrosage 25 m', 'm:parasol déporté 3 m', 'm:lot de dalles de terrasse', 'f:bâche d’hivernage de piscine'],
    productsEn: ['anthracite garden furniture set', '25 m garden hose', '3 m cantilever parasol', 'pack of terrace tiles', 'winter pool cover'],
    tags: ['erreur-préparation'],
    amount: [25, 499],
    fr: {
      messages: [
        {
          subjects: ['Erreur dans ma commande', 'Article reçu différent de la commande'],
          text: 'Bonjour,\nj’ai commandé {un_produit} (commande {commande}) et j’ai reçu un autre modèle, dans une autre couleur et une autre taille. Merci de m’indiquer comment vous le renvoyer et quand je recevrai le bon article.',
        },
        {
          subjects: ['Article manquant dans le colis', 'Colis incomplet'],
          text: 'Bonjour, dans le colis de la commande {commande} il manque {le_produit} alors qu’il figure bien sur la facture. Le reste est arrivé. Pouvez-vous me l’envoyer ?',
        },
      ],
    },
    en: {
      messages: [{ subjects: ['Wrong item received'], text: 'Hello, I ordered {un_produit} (order {commande}) but received a different model. How do I send it back and when will I get the right one?' }],
    },
  },
  {
    key: 'return-withdrawal',
    brand: 'garden',
    reason: 'return',
    weight: 5,
    bought: 'online',
    paths: { refund: 3, exchange: 1 },
    products: ['m:parasol déporté 3 m', 'm:fauteuil suspendu', 'm:salon bas de jardin', 'm:lot de 6 lampes solaires', 'm:coffre de rangement de jardin', 'm:bain de soleil'],
    productsEn: ['3 m cantilever parasol', 'hanging chair', 'garden lounge set', 'set of 6 solar lamps', 'garden storage box', 'sun lounger'],
    tags: ['retour', 'rétractation'],
    amount: [39, 649],
    fr: {
      messages: [
        {
          subjects: ['Demande de retour', 'Rétractation sur ma commande'],
          text: 'Bonjour,\nje souhaite retourner {le_produit} reçu la semaine dernière (commande {commande}) : la couleur ne correspond pas du tout aux photos du site. Je suis dans le délai de rétractation. Puis-je le rapporter dans votre magasin le plus proche plutôt que de le renvoyer ?',
        },
        {
          subjects: ['Retourner un article qui ne convient pas', 'Article trop grand pour notre terrasse'],
          text: 'Bonjour, {le_produit} (commande {commande}) ne rentre finalement pas sur notre terrasse. Il est encore dans son carton d’origine. Comment se passe le retour et sous combien de temps serai-je remboursé ?',
        },
        {
          subjects: ['Retour en magasin d’une commande web refusé', 'Le magasin refuse mon retour'],
          text: 'Bonjour,\nle magasin refuse de reprendre {le_produit} acheté sur le site (commande {commande}) en me disant de le renvoyer par colis. Pourtant votre site indique « retour gratuit en magasin ». Qui dit vrai ?',
        },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Return request', 'Returning an item bought online'],
          text: 'Hello, I would like to return {le_produit} from order {commande}: it does not fit our terrace. It is still in its original box. Can I bring it back to a store, and how long does the refund take?',
        },
      ],
    },
  },
  {
    key: 'wrong-invoice',
    brand: 'garden',
    reason: 'billing',
    weight: 5,
    bought: 'any',
    paths: { credit: 1 },
    products: ['m:salon de jardin 6 places', 'f:tondeuse thermique Tondeo 46 SP', 'm:barbecue à gaz Flamoria 4 feux', 'm:abri de jardin en bois 6 m²', 'f:serre polycarbonate 4 m²'],
    tags: ['facturation'],
    amount: [12, 240],
    fr: {
      messages: [
        {
          subjects: ['Débité deux fois', 'Double prélèvement sur ma carte'],
          text: 'Bonjour,\nma carte a été débitée deux fois de {montant} pour le même achat ({commande}). Merci de procéder au remboursement du doublon, je vous joins le relevé bancaire.',
        },
        {
          subjects: ['Remise fidélité non appliquée', 'Remise promise en caisse non déduite'],
          text: 'Bonjour, la remise de 10 % de ma carte fidélité n’a pas été appliquée sur {le_produit}, alors que le vendeur me l’avait confirmé en caisse. Cela représente {montant}. Pouvez-vous régulariser ?',
        },
        {
          subjects: ['Facture au mauvais nom', 'Facture sans TVA pour ma société'],
          text: 'Bonjour,\nj’ai besoin d’une facture au nom de ma société pour {le_produit}, avec le numéro de TVA intracommunautaire. Celle que j’ai reçue est à mon nom personnel et la TVA n’apparaît pas. Merci.',
        },
        {
          subjects: ['Frais de livraison facturés à tort', 'Erreur sur ma facture'],
          text: 'Bonjour, on m’a facturé la livraison ({montant}) alors que la commande dépassait le seuil de livraison offerte. Merci de corriger.',
        },
      ],
    },
    en: {
      messages: [{ subjects: ['Charged twice', 'Invoice error'], text: 'Hello, my card was charged twice ({montant}) for the same purchase ({commande}). Please refund the duplicate payment; I attach my bank statement.' }],
    },
  },
  {
    key: 'formal-notice',
    brand: 'garden',
    reason: 'return',
    weight: 1.5,
    bought: 'online',
    paths: { dispute: 1 },
    priority: 'high',
    products: ['m:robot tondeuse Robocut 600', 'm:spa gonflable 6 places', 'm:poêle à granulés Flamoria 8 kW', 'm:abri de jardin en bois 6 m²'],
    tags: ['litige'],
    amount: [399, 1490],
    fr: {
      messages: [
        {
          subjects: ['Mise en demeure', 'Dernier recours avant action en justice'],
          text: 'Madame, Monsieur,\n\n{Le_produit} (commande {commande}, {montant}) est arrivé défectueux. Après trois semaines d’échanges, une vingtaine d’e-mails et des demandes de photos sous tous les angles, votre service m’a opposé un refus au motif que j’aurais « endommagé le produit ». Je vous rappelle que la garantie légale de conformité s’applique, en ligne comme en magasin.\n\nPar la présente, je vous mets en demeure de procéder au remboursement intégral sous huit jours, faute de quoi je saisirai le médiateur de la consommation.\n\n{prenom}',
          note: 'Mise en demeure reçue (copie par courrier recommandé). Refus initial contraire à la garantie légale de conformité : ne pas répondre sans validation de la responsable.',
        },
        {
          subjects: ['Opposition bancaire sur ma commande', 'Paiement contesté auprès de ma banque'],
          text: 'Bonjour,\nfaute de réponse de votre part depuis deux semaines sur la commande {commande}, j’ai demandé à ma banque de contester le paiement de {montant}. Je vous transmets l’ensemble de nos échanges.',
          note: 'Opposition bancaire signalée par le service paiement. Plus de 20 messages échangés avant ce dossier : reprise en main par le service Litiges.',
        },
      ],
    },
  },
];
